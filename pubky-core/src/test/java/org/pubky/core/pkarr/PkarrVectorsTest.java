package org.pubky.core.pkarr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pubky.core.bep44.Bep44;
import org.pubky.core.bep44.MutableItem;
import org.pubky.core.keys.Keypair;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.pkarr.dns.DnsName;
import org.pubky.core.pkarr.dns.DnsPacket;
import org.pubky.core.pkarr.dns.DnsType;
import org.pubky.core.pkarr.dns.HttpsRecord;
import org.pubky.core.pkarr.dns.ResourceRecord;
import org.pubky.core.pkarr.dns.TxtRecord;
import org.pubky.core.time.Timestamp;

/**
 * The byte-exact vectors of {@code spec/pkarr-and-dht.md} §1.10: vector D (independently
 * generated), vector E (captured from the Rust implementation), the BEP 44 test vectors, the
 * {@code mainline} signable vectors and the reference's {@code normalize_names} cases.
 */
final class PkarrVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    private static final String D_DNS = "000080000000000100000000045f666f6f343870696e787867717334316e346169646964656e77"
            + "3561707170317572666d7a647a7472386a74346162726b646e34333565776f00001000010000001e00060568656c6c6f";
    private static final String D_SIGNATURE = "5be1a4b74153985b878014b2356594d110c1931a6dd8a18e17ec03888e817e24"
            + "63aec453b4032a7b861eae2884f1262b8f54ab459abf9574b245c1aade121503";
    private static final String SEED0_PUBLIC_KEY = "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29";

    private static final String E_SIGNATURE = "c97ba4583d18e66d8175cee5c5b2a4b6a4ab07560ee9ca0077c769dd88db80a4"
            + "b7fce25ff4be55c5ef31629555803b57ee79d0d03d04282ab9a37c26bbe76402";
    private static final String E_TIMESTAMP = "000661005c12ef5e";
    private static final String E_DNS = "000080000000000100000000065f7075626b7934776e706b6d37643463376361796d39336b7a"
            + "6870616d6a6b6e31316875386a647a346d396f337931783968756f706e6977756179000041000100000e1000380000343462666d"
            + "726375776671346b73716f75706e3677636678726835656e7231697a646579737a6d6866726e747566316d7a6f68356f00";
    private static final String E_USER = "wnpkm7d4c7caym93kzhpamjkn11hu8jdz4m9o3y1x9huopniwuay";
    private static final String E_HOMESERVER = "4bfmrcuwfq4ksqoupn6wcfxrh5enr1izdeyszmhfrntuf1mzoh5o";

    private static final String BEP44_PUBLIC_KEY = "77ff84905a91936367c01360803104f92432fcd904a43511876df5cdf3e7e548";

    private static Keypair seed(int b) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) b);
        return Keypair.fromSecret(seed);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void vectorD_builderReproducesDnsSignatureTimestampTargetAndCanonicalBytes() {
        Keypair keypair = seed(0x00);
        SignedPacket packet = SignedPacket.builder().txt("_foo", "hello", 30)
                .sign(keypair, new Timestamp(1_700_000_000_000_000L));

        assertThat(HEX.formatHex(packet.dnsBytes())).isEqualTo(D_DNS);
        assertThat(packet.dnsLength()).isEqualTo(87);
        assertThat(HEX.formatHex(packet.signature())).isEqualTo(D_SIGNATURE);
        assertThat(HEX.formatHex(packet.timestamp().toBytes())).isEqualTo("00060a24181e4000");
        assertThat(HEX.formatHex(packet.target())).isEqualTo("8c30c97e7fd5460ce3b962db4cd75879eecd8abd");
        byte[] canonical = packet.toBytes();
        assertThat(canonical).hasSize(191);
        assertThat(HEX.formatHex(canonical))
                .isEqualTo(SEED0_PUBLIC_KEY + D_SIGNATURE + "00060a24181e4000" + D_DNS);
        assertThat(HEX.formatHex(packet.relayPayload())).isEqualTo(D_SIGNATURE + "00060a24181e4000" + D_DNS);
    }

    @Test
    void vectorD_canonicalBytesParseAndVerify() {
        SignedPacket parsed = SignedPacket.fromBytes(HEX.parseHex(SEED0_PUBLIC_KEY + D_SIGNATURE + "00060a24181e4000" + D_DNS));
        assertThat(parsed.publicKey().z32()).isEqualTo("8pinxxgqs41n4aididenw5apqp1urfmzdztr8jt4abrkdn435ewo");
        assertThat(parsed.timestamp().micros()).isEqualTo(1_700_000_000_000_000L);
        List<ResourceRecord> records = parsed.resourceRecords("_foo");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).ttl()).isEqualTo(30);
        assertThat(records.get(0).data()).isEqualTo(TxtRecord.of("hello"));
        assertThat(records.get(0).name().toString())
                .isEqualTo("_foo.8pinxxgqs41n4aididenw5apqp1urfmzdztr8jt4abrkdn435ewo");
        assertThat(HEX.formatHex(parsed.signable())).startsWith(HEX.formatHex(ascii("3:seqi1700000000000000e1:v87:")));
    }

    @Test
    void vectorE_rustRelayPayloadParsesVerifiesAndPointsAtTheHomeserver() {
        PublicKey user = PublicKey.fromZ32(E_USER);
        byte[] payload = HEX.parseHex(E_SIGNATURE + E_TIMESTAMP + E_DNS);
        assertThat(payload).hasSize(211);

        SignedPacket packet = SignedPacket.fromRelayPayload(user, payload);
        assertThat(packet.timestamp().micros()).isEqualTo(1_795_504_032_903_006L);
        assertThat(HEX.formatHex(packet.target())).isEqualTo("08fe047a3f248f96fa1a821d391fbdb4c88a1d4e");
        assertThat(packet.dnsLength()).isEqualTo(139);

        List<ResourceRecord> pubky = packet.resourceRecords("_pubky");
        assertThat(pubky).hasSize(1);
        ResourceRecord rr = pubky.get(0);
        assertThat(rr.name().toString()).isEqualTo("_pubky." + E_USER);
        assertThat(rr.type()).isEqualTo(DnsType.HTTPS);
        assertThat(rr.ttl()).isEqualTo(3600);
        HttpsRecord https = (HttpsRecord) rr.data();
        assertThat(https.priority()).isZero();
        assertThat(https.target().toString()).isEqualTo(E_HOMESERVER);
        assertThat(https.params()).isEmpty();
        assertThat(PubkyRecords.homeserverOf(packet)).hasValue(PublicKey.fromZ32(E_HOMESERVER));
    }

    @Test
    void vectorE_ourEncoderReproducesTheDnsBytesAndResigningTheSignature() {
        PublicKey user = PublicKey.fromZ32(E_USER);
        SignedPacket rust = SignedPacket.fromRelayPayload(user, HEX.parseHex(E_SIGNATURE + E_TIMESTAMP + E_DNS));
        assertThat(HEX.formatHex(rust.packet().encode())).isEqualTo(E_DNS);
        assertThat(HEX.formatHex(DnsPacket.decode(HEX.parseHex(E_DNS)).encode())).isEqualTo(E_DNS);

        Keypair keypair = seed(0x22);
        assertThat(keypair.publicKey()).isEqualTo(user);
        SignedPacket ours = SignedPacket.builder()
                .record(PubkyRecords.homeserverPointer(PublicKey.fromZ32(E_HOMESERVER)))
                .sign(keypair, new Timestamp(1_795_504_032_903_006L));
        assertThat(HEX.formatHex(ours.dnsBytes())).isEqualTo(E_DNS);
        assertThat(HEX.formatHex(ours.signature())).isEqualTo(E_SIGNATURE);
        assertThat(ours.isSameAs(rust)).isTrue();
    }

    @Test
    void bep44Test1_signatureVerifiesAndTargetsWithAndWithoutSalt() {
        PublicKey key = PublicKey.fromBytes(HEX.parseHex(BEP44_PUBLIC_KEY));
        byte[] value = ascii("Hello World!");
        byte[] signable = Bep44.signable(1, value);
        assertThat(new String(signable, StandardCharsets.ISO_8859_1)).isEqualTo("3:seqi1e1:v12:Hello World!");
        byte[] signature = HEX.parseHex("305ac8aeb6c9c151fa120f120ea2cfb923564e11552d06a5d856091e5e853cff"
                + "1260d3f39e4999684aa92eb73ffd136e6f4f3ecbfda0ce53a1608ecd7ae21f01");
        assertThat(key.verify(signable, signature)).isTrue();
        assertThat(new MutableItem(key, 1, value, signature, null).verify()).isTrue();
        assertThat(HEX.formatHex(Bep44.target(key))).isEqualTo("4a533d47ec9c7d95b1ad75f576cffc641853b750");
        assertThat(HEX.formatHex(Bep44.target(key, ascii("foobar")))).isEqualTo("411eba73b6f087ca51a3795d9c8c938d365e32c1");
    }

    @Test
    void bep44Test2_saltedSignatureVerifies() {
        PublicKey key = PublicKey.fromBytes(HEX.parseHex(BEP44_PUBLIC_KEY));
        byte[] signature = HEX.parseHex("6834284b6b24c3204eb2fea824d82f88883a3d95e8b4a21b8c0ded553d17d17d"
                + "df9a8a7104b1258f30bed3787e6cb896fca78c58f8e03b5f18f14951a87d9a08");
        MutableItem item = new MutableItem(key, 1, ascii("Hello World!"), signature, ascii("foobar"));
        assertThat(new String(item.signable(), StandardCharsets.ISO_8859_1))
                .isEqualTo("4:salt6:foobar3:seqi1e1:v12:Hello World!");
        assertThat(item.verify()).isTrue();
        assertThat(HEX.formatHex(item.target())).isEqualTo("411eba73b6f087ca51a3795d9c8c938d365e32c1");
        // The same signature does not verify without the salt.
        assertThat(new MutableItem(key, 1, ascii("Hello World!"), signature, null).verify()).isFalse();
    }

    @Test
    void bep44Test3_immutableTarget() {
        assertThat(HEX.formatHex(Bep44.immutableTarget(ascii("12:Hello World!"))))
                .isEqualTo("e5f96f6f38320f0f33959cb4d3d656452117aadb");
    }

    @Test
    void mainlineSignableVectorsWithSeq4AndSalt() {
        assertThat(new String(Bep44.signable(4, ascii("Hello world!")), StandardCharsets.ISO_8859_1))
                .isEqualTo("3:seqi4e1:v12:Hello world!");
        assertThat(new String(Bep44.signable(ascii("foobar"), 4, ascii("Hello world!")), StandardCharsets.ISO_8859_1))
                .isEqualTo("4:salt6:foobar3:seqi4e1:v12:Hello world!");
    }

    @Test
    void normalizeNamesCasesOfTheReference() {
        String origin = "ed4mn3aoazuf1ahpy9rz1nyswhukbj5483ryefwkue7fbp3egkzo";
        assertThat(PkarrNames.normalize(origin, ".")).isEqualTo(origin);
        assertThat(PkarrNames.normalize(origin, "@")).isEqualTo(origin);
        assertThat(PkarrNames.normalize(origin, "@.")).isEqualTo(origin);
        assertThat(PkarrNames.normalize(origin, origin)).isEqualTo(origin);
        assertThat(PkarrNames.normalize(origin, "_derp_region.irorh")).isEqualTo("_derp_region.irorh." + origin);
        assertThat(PkarrNames.normalize(origin, "_derp_region.irorh." + origin)).isEqualTo("_derp_region.irorh." + origin);
        assertThat(PkarrNames.normalize(origin, "_derp_region.irorh." + origin + ".")).isEqualTo("_derp_region.irorh." + origin);
        // Quirk kept from the reference: a last label "@" makes the whole name the apex.
        assertThat(PkarrNames.normalize(origin, "foo.@")).isEqualTo(origin);
        assertThat(PkarrNames.normalize(origin, "")).isEqualTo(origin);
    }

    @Test
    void vectorNamesBuildTheSameRecordsWhateverApexSpellingIsUsed() {
        Keypair keypair = seed(0x00);
        Timestamp ts = new Timestamp(1);
        byte[] viaDot = SignedPacket.builder().txt(".", "x", 1).sign(keypair, ts).toBytes();
        byte[] viaAt = SignedPacket.builder().txt("@", "x", 1).sign(keypair, ts).toBytes();
        byte[] viaKey = SignedPacket.builder().record(new ResourceRecord(
                DnsName.of(keypair.publicKey().z32() + "."), 1, TxtRecord.of("x"))).sign(keypair, ts).toBytes();
        assertThat(viaAt).isEqualTo(viaDot);
        assertThat(viaKey).isEqualTo(viaDot);
    }
}
