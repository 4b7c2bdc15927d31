package org.pubky.core.pkarr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.pubky.core.keys.Keypair;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.pkarr.dns.ARecord;
import org.pubky.core.pkarr.dns.AaaaRecord;
import org.pubky.core.pkarr.dns.DnsName;
import org.pubky.core.pkarr.dns.HttpsRecord;
import org.pubky.core.pkarr.dns.ResourceRecord;
import org.pubky.core.pkarr.dns.SvcParam;
import org.pubky.core.pkarr.dns.SvcbRecord;
import org.pubky.core.pkarr.dns.TxtRecord;
import org.pubky.core.time.Timestamp;

final class PubkyRecordsTest {
    private static final Keypair USER = seed(0x22);
    private static final Keypair HOMESERVER = seed(0x00);
    private static final Timestamp TS = new Timestamp(1_700_000_000_000_000L);

    private static Keypair seed(int b) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) b);
        return Keypair.fromSecret(s);
    }

    @Test
    void pointerIsAnAliasModeHttpsRecordAtPubkyWithTtl3600() {
        ResourceRecord pointer = PubkyRecords.homeserverPointer(HOMESERVER.publicKey());
        assertThat(pointer.name().toString()).isEqualTo("_pubky");
        assertThat(pointer.ttl()).isEqualTo(3600);
        assertThat(pointer.data()).isEqualTo(new HttpsRecord(0, DnsName.of(HOMESERVER.publicKey().z32())));
        SignedPacket packet = SignedPacket.builder().record(pointer).sign(USER, TS);
        assertThat(PubkyRecords.homeserverOf(packet)).hasValue(HOMESERVER.publicKey());
    }

    @Test
    void readingTakesTheFirstServiceBindingAtPubky() {
        PublicKey hs = HOMESERVER.publicKey();
        PublicKey other = seed(0x01).publicKey();
        // A TXT record at _pubky is skipped; an SVCB record counts like HTTPS.
        SignedPacket svcb = SignedPacket.builder()
                .txt("_pubky", "not a pointer", 60)
                .svcb("_pubky", new SvcbRecord(0, DnsName.of(hs.z32())), 60)
                .https("_pubky", new HttpsRecord(0, DnsName.of(other.z32())), 60)
                .sign(USER, TS);
        assertThat(PubkyRecords.homeserverOf(svcb)).hasValue(hs);
        // The first target decides, even if it is not a key.
        SignedPacket domainFirst = SignedPacket.builder()
                .https("_pubky", new HttpsRecord(0, DnsName.of("example.com")), 60)
                .https("_pubky", new HttpsRecord(0, DnsName.of(hs.z32())), 60)
                .sign(USER, TS);
        assertThat(PubkyRecords.homeserverOf(domainFirst)).isEmpty();
        // Targets are parsed leniently, as the reference does: the last label is the key.
        SignedPacket subdomain = SignedPacket.builder()
                .https("_pubky", new HttpsRecord(0, DnsName.of("foo." + hs.z32())), 60)
                .sign(USER, TS);
        assertThat(PubkyRecords.homeserverOf(subdomain)).hasValue(hs);
        // Records elsewhere do not count.
        SignedPacket elsewhere = SignedPacket.builder()
                .https("_pubkyx", new HttpsRecord(0, DnsName.of(hs.z32())), 60)
                .https("@", new HttpsRecord(0, DnsName.of(hs.z32())), 60)
                .sign(USER, TS);
        assertThat(PubkyRecords.homeserverOf(elsewhere)).isEmpty();
    }

    @Test
    void republishingKeepsOtherRecordsAndReplacesThePointer() {
        SignedPacket existing = SignedPacket.builder()
                .txt("keep", "me", 60)
                .record(PubkyRecords.homeserverPointer(seed(0x01).publicKey()))
                .txt("@", "apex", 60)
                .sign(USER, TS);
        List<ResourceRecord> records = PubkyRecords.userRecords(existing, HOMESERVER.publicKey());
        SignedPacket updated = SignedPacket.builder().records(records).sign(USER, new Timestamp(TS.micros() + 1));
        assertThat(updated.allResourceRecords()).hasSize(3);
        assertThat(updated.resourceRecords("keep")).singleElement().extracting(ResourceRecord::data)
                .isEqualTo(TxtRecord.of("me"));
        assertThat(updated.resourceRecords("@")).hasSize(1);
        assertThat(updated.resourceRecords("_pubky")).hasSize(1);
        assertThat(PubkyRecords.homeserverOf(updated)).hasValue(HOMESERVER.publicKey());
        assertThat(PubkyRecords.userRecords(null, HOMESERVER.publicKey()))
                .containsExactly(PubkyRecords.homeserverPointer(HOMESERVER.publicKey()));
    }

    @Test
    void localhostHomeserverPacketCarriesTheHttpPortParam() throws Exception {
        InetAddress ip = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        List<ResourceRecord> records = PubkyRecords.homeserverRecords(
                new HomeserverEndpoints(ip, OptionalInt.of(6287), Optional.of("localhost"), 6286));
        assertThat(records).allSatisfy(rr -> {
            assertThat(rr.name()).isEqualTo(DnsName.ROOT);
            assertThat(rr.ttl()).isEqualTo(3600);
        });
        assertThat(records.get(0).data()).isEqualTo(new HttpsRecord(1, DnsName.ROOT, List.of(
                new SvcParam.Port(6287), new SvcParam.Ipv4Hint(List.of(ARecord.of(new byte[] {127, 0, 0, 1}).address())))));
        assertThat(records.get(1).data()).isEqualTo(new HttpsRecord(10, DnsName.of("localhost"),
                List.of(new SvcParam.Unknown(65280, new byte[] {0x18, (byte) 0x8e}))));
        assertThat(records.get(2).data()).isEqualTo(ARecord.of(new byte[] {127, 0, 0, 1}));

        SignedPacket packet = SignedPacket.builder().records(records).sign(HOMESERVER, TS);
        String origin = HOMESERVER.publicKey().z32();
        assertThat(packet.resourceRecords("@")).hasSize(3);
        // Apex owner name once, then pointers to it (offset 12); the HTTPS rdata as RFC 9460 lays it out.
        String dns = HexFormat.of().formatHex(packet.dnsBytes());
        assertThat(dns).startsWith("000080000000000300000000" + "34" + HexFormat.of().formatHex(origin.getBytes()) + "00"
                + "0041 0001 00000e10 0011 0001 00 0003 0002 188f 0004 0004 7f000001".replace(" ", "")
                + "c00c 0041 0001 00000e10 0013 000a 096c6f63616c686f737400 ff00 0002 188e".replace(" ", "")
                + "c00c 0001 0001 00000e10 0004 7f000001".replace(" ", ""));
    }

    @Test
    void otherDomainsGetNoPortParamAndNoTlsListenerMeansNoDirectRecord() throws Exception {
        InetAddress ip = InetAddress.getByName("2001:db8::1");
        List<ResourceRecord> records = PubkyRecords.homeserverRecords(
                new HomeserverEndpoints(ip, OptionalInt.empty(), Optional.of("homeserver.example"), 80));
        assertThat(records).hasSize(2);
        assertThat(records.get(0).data()).isEqualTo(new HttpsRecord(10, DnsName.of("homeserver.example")));
        assertThat(records.get(1).data()).isInstanceOf(AaaaRecord.class);

        List<ResourceRecord> direct = PubkyRecords.homeserverRecords(
                new HomeserverEndpoints(ip, OptionalInt.of(443), Optional.empty(), 80));
        assertThat(direct).hasSize(2);
        assertThat(((HttpsRecord) direct.get(0).data()).param(SvcParam.IPV6HINT)).isInstanceOf(SvcParam.Ipv6Hint.class);
        assertThat(((HttpsRecord) direct.get(0).data()).port()).hasValue(443);
    }
}
