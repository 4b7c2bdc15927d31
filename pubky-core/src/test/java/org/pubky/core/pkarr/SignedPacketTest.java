package org.pubky.core.pkarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pubky.core.bep44.Bep44;
import org.pubky.core.bep44.MutableItem;
import org.pubky.core.keys.Keypair;
import org.pubky.core.pkarr.dns.ARecord;
import org.pubky.core.pkarr.dns.CnameRecord;
import org.pubky.core.pkarr.dns.DnsName;
import org.pubky.core.pkarr.dns.HttpsRecord;
import org.pubky.core.pkarr.dns.ResourceRecord;
import org.pubky.core.pkarr.dns.SvcParam;
import org.pubky.core.pkarr.dns.SvcbRecord;
import org.pubky.core.pkarr.dns.TxtRecord;
import org.pubky.core.time.Timestamp;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

final class SignedPacketTest {
    private static final Keypair KEYPAIR = Keypair.fromSecret(new byte[32]);
    private static final Timestamp TS = new Timestamp(1_700_000_000_000_000L);

    @Test
    void builtPacketsParseBackFromEveryForm() throws Exception {
        SignedPacket packet = SignedPacket.builder()
                .address("_derp_region.iroh.", InetAddress.getByAddress(new byte[] {1, 1, 1, 1}), 30)
                .address("_derp_region.iroh.", InetAddress.getByAddress(new byte[16]), 30)
                .cname("subdomain.", "example.com", 30)
                .txt("_proto", "foo=bar", 30)
                .ns("zone", "ns.example", 30)
                .https(".", new HttpsRecord(0, DnsName.of("https.example.com")), 3600)
                .svcb(".", new SvcbRecord(1, DnsName.ROOT, List.of(new SvcParam.Port(443))), 3600)
                .sign(KEYPAIR, TS);
        assertThat(SignedPacket.fromBytes(packet.toBytes())).isEqualTo(packet);
        assertThat(SignedPacket.fromRelayPayload(KEYPAIR.publicKey(), packet.relayPayload())).isEqualTo(packet);
        MutableItem item = packet.toMutableItem();
        assertThat(item.verify()).isTrue();
        assertThat(item.target()).isEqualTo(packet.target()).isEqualTo(Bep44.target(KEYPAIR.publicKey()));
        assertThat(item.seq()).isEqualTo(TS.micros());
        assertThat(SignedPacket.fromMutableItem(item)).isEqualTo(packet);

        String origin = KEYPAIR.publicKey().z32();
        assertThat(packet.allResourceRecords()).extracting(rr -> rr.name().toString()).containsExactly(
                "_derp_region.iroh." + origin, "_derp_region.iroh." + origin, "subdomain." + origin,
                "_proto." + origin, "zone." + origin, origin, origin);
        assertThat(packet.resourceRecords("_derp_region.iroh")).hasSize(2);
        assertThat(packet.resourceRecords("@")).hasSize(2);
        assertThat(packet.resourceRecords("subdomain." + origin + ".")).singleElement()
                .extracting(ResourceRecord::data).isEqualTo(new CnameRecord(DnsName.of("example.com")));
        assertThat(packet.packet().id()).isZero();
        assertThat(packet.packet().flags()).isEqualTo(0x8000);
    }

    @Test
    void theDnsMessageMayBeExactly1000BytesButNoMore() {
        assertThat(signTxt(155).dnsLength()).isEqualTo(1000);
        assertThat(signTxt(155).toBytes()).hasSize(SignedPacket.MAX_BYTES);
        assertThatThrownBy(() -> signTxt(156))
                .isInstanceOf(PubkyException.class)
                .satisfies(e -> assertThat(((PubkyException) e).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE))
                .hasMessageContaining("1001 bytes");
        // The reference test: 100 A records do not fit.
        SignedPacketBuilder builder = SignedPacket.builder();
        for (int i = 0; i < 100; i++) {
            builder.a("_derp_region.iroh.", ARecord.of(new byte[] {1, 1, 1, 1}).address(), 30);
        }
        assertThatThrownBy(() -> builder.sign(KEYPAIR, TS)).isInstanceOf(PubkyException.class);
    }

    /** One apex TXT record: 12 header + 54 name + 10 + strings of 255, 255, 255 and {@code last} bytes. */
    private static SignedPacket signTxt(int last) {
        List<byte[]> strings = List.of(new byte[255], new byte[255], new byte[255], new byte[last]);
        return SignedPacket.builder().rdata("@", new TxtRecord(strings), 60).sign(KEYPAIR, TS);
    }

    @Test
    void parsingChecksLengthKeySignatureTimestampAndDns() {
        byte[] good = SignedPacket.builder().txt("_foo", "hello", 30).sign(KEYPAIR, TS).toBytes();
        assertInvalid(() -> SignedPacket.fromBytes(new byte[103]));
        assertInvalid(() -> SignedPacket.fromBytes(new byte[1105]));
        assertInvalid(() -> SignedPacket.fromRelayPayload(KEYPAIR.publicKey(), new byte[1073]));
        assertInvalid(() -> SignedPacket.fromRelayPayload(KEYPAIR.publicKey(), new byte[71]));
        for (int offset : new int[] {0, 40, 100, 110, good.length - 1}) {
            byte[] tampered = good.clone();
            tampered[offset] ^= 1;
            assertInvalid(() -> SignedPacket.fromBytes(tampered));
        }
        // 32 bytes that are not a curve point as the key.
        byte[] badKey = good.clone();
        System.arraycopy(notAPoint(), 0, badKey, 0, 32);
        assertInvalid(() -> SignedPacket.fromBytes(badKey));
        // Payload for another key.
        assertInvalid(() -> SignedPacket.fromRelayPayload(Keypair.random().publicKey(),
                java.util.Arrays.copyOfRange(good, 32, good.length)));
    }

    @Test
    void aValidSignatureOverAnInvalidDnsMessageIsStillRejected() {
        byte[] garbage = "not a dns message".getBytes(StandardCharsets.US_ASCII);
        MutableItem item = MutableItem.sign(KEYPAIR, TS.micros(), garbage);
        assertThat(item.verify()).isTrue();
        assertThatThrownBy(() -> SignedPacket.fromMutableItem(item))
                .isInstanceOf(PubkyException.class)
                .satisfies(e -> {
                    assertThat(((PubkyException) e).code()).isEqualTo(ErrorCode.INVALID_SIGNED_PACKET);
                    assertThat(((PubkyException) e.getCause()).code()).isEqualTo(ErrorCode.INVALID_DNS_PACKET);
                });
    }

    @Test
    void timestampsAtOrAbove2To63AreRefused() {
        byte[] dns = SignedPacket.builder().sign(KEYPAIR, TS).dnsBytes();
        // Sign with the unsigned decimal the Rust reference would use for 2^63.
        byte[] signable = ("3:seqi9223372036854775808e1:v" + dns.length + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] full = java.util.Arrays.copyOf(signable, signable.length + dns.length);
        System.arraycopy(dns, 0, full, signable.length, dns.length);
        byte[] canonical = new byte[104 + dns.length];
        KEYPAIR.publicKey().copyTo(canonical, 0);
        System.arraycopy(KEYPAIR.sign(full), 0, canonical, 32, 64);
        canonical[96] = (byte) 0x80;
        System.arraycopy(dns, 0, canonical, 104, dns.length);
        assertInvalid(() -> SignedPacket.fromBytes(canonical));
    }

    @Test
    void laterTimestampWinsThenGreaterDnsBytes() {
        SignedPacket a = SignedPacket.builder().txt("x", "a", 30).sign(KEYPAIR, TS);
        SignedPacket b = SignedPacket.builder().txt("x", "b", 30).sign(KEYPAIR, TS);
        SignedPacket older = SignedPacket.builder().txt("x", "z", 30).sign(KEYPAIR, new Timestamp(TS.micros() - 1));
        SignedPacket newer = SignedPacket.builder().txt("x", "a", 30).sign(KEYPAIR, new Timestamp(TS.micros() + 1));

        assertThat(b.moreRecentThan(a)).isTrue();
        assertThat(a.moreRecentThan(b)).isFalse();
        assertThat(a.moreRecentThan(older)).isTrue();
        assertThat(older.moreRecentThan(a)).isFalse();
        assertThat(newer.moreRecentThan(b)).isTrue();
        SignedPacket aAgain = SignedPacket.fromBytes(a.toBytes());
        assertThat(a.moreRecentThan(aAgain)).isFalse();
        assertThat(aAgain.moreRecentThan(a)).isFalse();
        assertThat(a.isSameAs(aAgain)).isTrue();
        assertThat(a.isSameAs(b)).isFalse();

        // Unsigned comparison: a DNS byte 0x80 beats 0x7f; a longer message with the same prefix wins.
        SignedPacket low = SignedPacket.builder().rdata("x", new TxtRecord(List.of(new byte[] {0x7f})), 30).sign(KEYPAIR, TS);
        SignedPacket high = SignedPacket.builder().rdata("x", new TxtRecord(List.of(new byte[] {(byte) 0x80})), 30).sign(KEYPAIR, TS);
        assertThat(high.moreRecentThan(low)).isTrue();
        // Bytes after the last record are ignored by DNS parsers but are part of the compared value.
        byte[] dns = low.dnsBytes();
        byte[] longer = java.util.Arrays.copyOf(dns, dns.length + 1);
        SignedPacket extended = SignedPacket.fromMutableItem(MutableItem.sign(KEYPAIR, TS.micros(), longer));
        assertThat(extended.moreRecentThan(low)).isTrue();
        assertThat(low.moreRecentThan(extended)).isFalse();
    }

    @Test
    void ttlIsTheSmallestRecordTtlClamped() {
        long min = SignedPacket.DEFAULT_MINIMUM_TTL;
        long max = SignedPacket.DEFAULT_MAXIMUM_TTL;
        assertThat(min).isEqualTo(300);
        assertThat(max).isEqualTo(86_400);
        assertThat(SignedPacket.builder().sign(KEYPAIR, TS).ttl(min, max)).isEqualTo(min);
        assertThat(withTtls(100, 5000).ttl(min, max)).isEqualTo(300);
        assertThat(withTtls(2000, 1000).ttl(min, max)).isEqualTo(1000);
        assertThat(withTtls(100_000, 200_000).ttl(min, max)).isEqualTo(86_400);
        assertThat(withTtls(0xffff_ffffL).ttl(0, 0xffff_ffffL)).isEqualTo(0xffff_ffffL);
        assertThatThrownBy(() -> withTtls(1).ttl(10, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SignedPacket withTtls(long... ttls) {
        SignedPacketBuilder builder = SignedPacket.builder();
        for (long ttl : ttls) {
            builder.txt("t", "x", ttl);
        }
        return builder.sign(KEYPAIR, TS);
    }

    @Test
    void wildcardLookupMatchesExactlyOneLabel() {
        SignedPacket packet = SignedPacket.builder()
                .txt("bar.foo.", "_", 30)
                .txt("x.bar.foo", "_", 30)
                .txt("foo", "_", 60)
                .sign(KEYPAIR, TS);
        String origin = KEYPAIR.publicKey().z32();
        assertThat(packet.resourceRecords("*.foo.")).extracting(rr -> rr.name().toString())
                .containsExactly("bar.foo." + origin);
        assertThat(packet.resourceRecords("*.bar.foo")).extracting(rr -> rr.name().toString())
                .containsExactly("x.bar.foo." + origin);
        assertThat(packet.resourceRecords("*")).extracting(rr -> rr.name().toString()).containsExactly("foo." + origin);
        assertThat(packet.resourceRecords("foo")).hasSize(1);
        assertThat(packet.resourceRecords("nothing")).isEmpty();
        assertThat(PkarrNames.matches("*.foo.k", "foo.k")).isFalse();
    }

    @Test
    void namesThatAreTooLongAfterQualificationAreRefused() {
        String name = ("a".repeat(63) + ".").repeat(3) + "a".repeat(20);
        assertThatThrownBy(() -> SignedPacket.builder().txt(name, "x", 1).sign(KEYPAIR, TS))
                .isInstanceOf(PubkyException.class)
                .satisfies(e -> assertThat(((PubkyException) e).code()).isEqualTo(ErrorCode.INVALID_DNS_PACKET));
    }

    @Test
    void recordsKeepTheirOrderClassAndTtl() {
        List<ResourceRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(new ResourceRecord(DnsName.of("r" + i), i * 7L, TxtRecord.of("v" + i)));
        }
        SignedPacket packet = SignedPacket.builder().records(records).sign(KEYPAIR, TS);
        for (int i = 0; i < 5; i++) {
            ResourceRecord rr = packet.allResourceRecords().get(i);
            assertThat(rr.ttl()).isEqualTo(i * 7L);
            assertThat(rr.data()).isEqualTo(TxtRecord.of("v" + i));
            assertThat(rr.dnsClass()).isEqualTo(1);
        }
    }

    static byte[] notAPoint() {
        for (int i = 2; ; i++) {
            byte[] candidate = new byte[32];
            candidate[0] = (byte) i;
            try {
                org.pubky.core.keys.PublicKey.fromBytes(candidate);
            } catch (PubkyException e) {
                return candidate;
            }
        }
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(PubkyException.class)
                .satisfies(e -> assertThat(((PubkyException) e).code()).isEqualTo(ErrorCode.INVALID_SIGNED_PACKET));
    }
}
