package org.pubky.core.pkarr.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pubky.core.pkarr.dns.DnsTestSupport.hex;
import static org.pubky.core.pkarr.dns.DnsTestSupport.rdataFrom;
import static org.pubky.core.pkarr.dns.DnsTestSupport.rdataOf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

final class DnsPacketTest {
    private static final String HEADER_1 = "0000 8000 0000 0001 0000 0000";

    @Test
    void compressesOwnerNamesAndCnameTargetsButNeverServiceBindingTargets() {
        DnsPacket packet = DnsPacket.reply(List.of(
                new ResourceRecord(DnsName.of("a.example.com"), 60, ARecord.of(new byte[] {1, 2, 3, 4})),
                new ResourceRecord(DnsName.of("b.example.com"), 60, new CnameRecord(DnsName.of("a.example.com"))),
                new ResourceRecord(DnsName.of("a.example.com"), 60, new HttpsRecord(1, DnsName.of("a.example.com"))),
                new ResourceRecord(DnsName.of("x.a.example.com"), 60, TxtRecord.of("hi"))));
        // Offsets: "a.example.com" at 12, "example.com" at 14; every later occurrence is a pointer,
        // except the HTTPS target (RFC 9460 §2.2), written in full.
        assertThat(hex(packet.encode())).isEqualTo(hex(hex(
                "000080000000000400000000"
                + "0161076578616d706c6503636f6d00 0001 0001 0000003c 0004 01020304"
                + "0162c00e 0005 0001 0000003c 0002 c00c"
                + "c00c 0041 0001 0000003c 0011 0001 0161076578616d706c6503636f6d00"
                + "0178c00c 0010 0001 0000003c 0003 026869")));
        assertThat(DnsPacket.decode(packet.encode())).isEqualTo(packet);
    }

    @Test
    void serviceBindingTargetsAreNotCompressionTargetsForLaterNames() {
        DnsPacket packet = DnsPacket.reply(List.of(
                new ResourceRecord(DnsName.of("z.test"), 60, new HttpsRecord(1, DnsName.of("t.example.org"))),
                new ResourceRecord(DnsName.of("t.example.org"), 60, ARecord.of(new byte[] {10, 0, 0, 1}))));
        assertThat(hex(packet.encode())).isEqualTo(hex(hex(
                "000080000000000200000000"
                + "017a047465737400 0041 0001 0000003c 0011 0001 0174076578616d706c65036f726700"
                + "0174076578616d706c65036f726700 0001 0001 0000003c 0004 0a000001")));
    }

    @Test
    void compressionIsCaseSensitiveLikeSimpleDns() {
        DnsPacket packet = DnsPacket.reply(List.of(
                new ResourceRecord(DnsName.of("Foo.example"), 60, ARecord.of(new byte[] {1, 2, 3, 4})),
                new ResourceRecord(DnsName.of("foo.example"), 60, ARecord.of(new byte[] {1, 2, 3, 4}))));
        assertThat(hex(packet.encode())).isEqualTo(hex(hex(
                "000080000000000200000000"
                + "03466f6f076578616d706c6500 0001 0001 0000003c 0004 01020304"
                + "03666f6fc010 0001 0001 0000003c 0004 01020304")));
        DnsPacket decoded = DnsPacket.decode(packet.encode());
        assertThat(decoded.answers().get(0).name().toString()).isEqualTo("Foo.example");
        assertThat(decoded.answers().get(1).name().toString()).isEqualTo("foo.example");
    }

    @Test
    void everyRecordTypeRoundTrips() {
        RandomPackets gen = new RandomPackets(1, false);
        List<RData> samples = List.of(
                ARecord.of(new byte[] {(byte) 192, 0, 2, 1}),
                AaaaRecord.of(hex("20010db8000000000000000000000001")),
                new CnameRecord(DnsName.of("target.example")),
                new NsRecord(DnsName.of("ns1.example")),
                TxtRecord.of("foo=bar"),
                new TxtRecord(List.of(new byte[0], new byte[255], "x".getBytes(StandardCharsets.UTF_8))),
                new SvcbRecord(16, DnsName.of("svc.example"), gen.params()),
                new HttpsRecord(0, DnsName.of("alias.example")),
                new HttpsRecord(1, DnsName.ROOT, List.of(new SvcParam.Port(443))),
                new OpaqueRecord(DnsType.MX, hex("000a 04 6d61696c 07 6578616d706c65 00")),
                new OpaqueRecord(257, hex("0005697373756565")),
                new OpaqueRecord(DnsType.A, new byte[0]));
        for (RData data : samples) {
            ResourceRecord rr = new ResourceRecord(DnsName.of("rec.example"), 3600, data);
            DnsPacket packet = DnsPacket.reply(List.of(rr, rr.withName(DnsName.of("other.rec.example"))));
            assertThat(DnsPacket.decode(packet.encode())).as("%s", data).isEqualTo(packet);
            assertThat(rdataFrom(data.type(), rdataOf(data))).as("%s", data).isEqualTo(data);
        }
    }

    @Test
    void everySvcParamRoundTrips() {
        List<SvcParam> params = List.of(
                new SvcParam.Mandatory(List.of(1, 3)),
                SvcParam.Alpn.of("h2", "http/1.1"),
                new SvcParam.NoDefaultAlpn(),
                new SvcParam.Port(6287),
                new SvcParam.Ipv4Hint(List.of(RandomPackets.inet4("127.0.0.1"), RandomPackets.inet4("10.0.0.2"))),
                new SvcParam.Ech(hex("0004 deadbeef")),
                new SvcParam.Ipv6Hint(List.of(RandomPackets.inet6(hex("20010db8000000000000000000000053")))),
                new SvcParam.Unknown(65280, hex("1a0e")),
                new SvcParam.Unknown(667, "hello\u00d2qoo".getBytes(StandardCharsets.ISO_8859_1)));
        for (SvcParam p : params) {
            HttpsRecord one = new HttpsRecord(1, DnsName.ROOT, List.of(p));
            assertThat(rdataFrom(DnsType.HTTPS, rdataOf(one))).as("%s", p).isEqualTo(one);
        }
        List<SvcParam> reversed = new java.util.ArrayList<>(params);
        java.util.Collections.reverse(reversed);
        SvcbRecord all = new SvcbRecord(1, DnsName.of("svc.example"), reversed);
        assertThat(all.params()).extracting(SvcParam::key).containsExactly(0, 1, 2, 3, 4, 5, 6, 667, 65280);
        assertThat(rdataFrom(DnsType.SVCB, rdataOf(all))).isEqualTo(all);
        assertThat(all.port()).hasValue(6287);
        assertThat(all.param(65280)).isEqualTo(new SvcParam.Unknown(65280, hex("1a0e")));
    }

    /** RFC 9460 Appendix D wire-format test vectors (record data only). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "D.1 AliasMode | 0000 03666f6f 076578616d706c65 03636f6d 00",
        "D.2.3 TargetName is '.' | 0001 00",
        "D.2.4 port | 0010 03666f6f 076578616d706c65 03636f6d 00 0003 0002 0035",
        "D.2.6 generic key 667 | 0001 03666f6f 076578616d706c65 03636f6d 00 029b 0009 68656c6c6fd271 6f6f",
        "D.2.7 two ipv6 hints | 0001 03666f6f 076578616d706c65 03636f6d 00 0006 0020"
                + " 20010db8000000000000000000000001 20010db8000000000000000000530001",
        "D.2.10 sorted keys | 0010 03666f6f 076578616d706c65 036f7267 00 0000 0004 0001 0004"
                + " 0001 0009 026832 0568332d3139 0004 0004 c0000201",
    })
    void rfc9460VectorsDecodeAndReencodeIdentically(String name, String wire) {
        byte[] rdata = hex(wire);
        RData decoded = rdataFrom(DnsType.SVCB, rdata);
        assertThat(decoded).isInstanceOf(SvcbRecord.class);
        assertThat(hex(rdataOf(decoded))).isEqualTo(hex(rdata));
    }

    @Test
    void rfc9460SortedKeysVectorHasTheExpectedContent() {
        SvcbRecord expected = new SvcbRecord(16, DnsName.of("foo.example.org"), List.of(
                SvcParam.Alpn.of("h2", "h3-19"),
                new SvcParam.Mandatory(List.of(1, 4)),
                new SvcParam.Ipv4Hint(List.of(RandomPackets.inet4("192.0.2.1")))));
        assertThat(rdataFrom(DnsType.SVCB, hex("0010 03666f6f 076578616d706c65 036f7267 00 0000 0004 0001 0004"
                + " 0001 0009 026832 0568332d3139 0004 0004 c0000201"))).isEqualTo(expected);
    }

    @Test
    void compressedAndUncompressedFormsDecodeToTheSamePacket() {
        RandomPackets gen = new RandomPackets(2, false);
        int shorter = 0;
        for (int i = 0; i < 2000; i++) {
            DnsPacket packet = gen.packet();
            byte[] compressed = packet.encode();
            byte[] plain = DnsTestSupport.encodeUncompressed(packet);
            assertThat(DnsPacket.decode(plain)).isEqualTo(packet);
            assertThat(DnsPacket.decode(compressed)).isEqualTo(packet);
            assertThat(compressed.length).isLessThanOrEqualTo(plain.length);
            if (compressed.length < plain.length) {
                shorter++;
            }
        }
        assertThat(shorter).as("compression actually happened").isGreaterThan(1000);
    }

    @Test
    void namesInsideOpaqueDataAreExpandedSoTheyCanMoveToAnotherPacket() {
        // MX at "example" whose exchange "mail.example" points back at the owner name (offset 12).
        byte[] wire = hex(HEADER_1 + "076578616d706c6500 000f 0001 00000e10 0009 000a 046d61696c c00c");
        ResourceRecord mx = DnsPacket.decode(wire).answers().get(0);
        assertThat(mx.data()).isEqualTo(new OpaqueRecord(DnsType.MX, hex("000a 046d61696c 076578616d706c65 00")));
        DnsPacket moved = DnsPacket.reply(List.of(new ResourceRecord(DnsName.of("x"), 1, TxtRecord.of("pad")), mx));
        assertThat(DnsPacket.decode(moved.encode())).isEqualTo(moved);
    }

    @Test
    void toleratesWhatSimpleDnsTolerates() {
        // Bytes after the last record are ignored.
        byte[] a = hex(HEADER_1 + "00 0001 0001 00000001 0004 01020304");
        assertThat(DnsPacket.decode(concat(a, hex("ffff"))).answers()).hasSize(1);
        // A record data longer than 4 bytes: the first 4 are the address.
        assertThat(DnsPacket.decode(hex(HEADER_1 + "00 0001 0001 00000001 0006 010203040506")).answers().get(0).data())
                .isEqualTo(ARecord.of(new byte[] {1, 2, 3, 4}));
        // Empty record data of any type is kept as empty opaque data (simple-dns RData::Empty).
        assertThat(DnsPacket.decode(hex(HEADER_1 + "00 0041 0001 00000001 0000")).answers().get(0).data())
                .isEqualTo(new OpaqueRecord(DnsType.HTTPS, new byte[0]));
        // port reads its first two bytes; no-default-alpn ignores its value.
        assertThat(rdataFrom(DnsType.HTTPS, hex("0001 00 0002 0001 ff 0003 0003 01bb00")))
                .isEqualTo(new HttpsRecord(1, DnsName.ROOT, List.of(new SvcParam.NoDefaultAlpn(), new SvcParam.Port(443))));
        // Other classes simple-dns knows, the mDNS top bit, and OPT with a UDP size as class.
        DnsPacket classes = DnsPacket.decode(hex("0000 8000 0000 0003 0000 0000"
                + "00 0001 0003 00000001 0004 01020304"
                + "00 0001 8001 00000001 0004 01020304"
                + "00 0029 1000 00000000 0000"));
        assertThat(classes.answers()).extracting(ResourceRecord::dnsClass).containsExactly(3, 0x8001, 4096);
        assertThat(DnsPacket.decode(classes.encode())).isEqualTo(classes);
        // Questions are kept.
        DnsPacket withQuestion = DnsPacket.decode(hex("1234 0100 0001 0000 0000 0000 03666f6f00 0001 00ff"));
        assertThat(withQuestion.questions()).containsExactly(new Question(DnsName.of("foo"), 1, DnsClass.ANY));
        assertThat(hex(withQuestion.encode())).isEqualTo("12340100000100000000000003666f6f00000100ff");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty | ''",
        "short header | 0000800000000001000000",
        "reserved Z bit | 0000 8040 0000 0000 0000 0000",
        "counts beyond the data | 0000 8000 0000 ffff 0000 0000 00",
        "truncated name | 0000 8000 0000 0001 0000 0000 0361",
        "label length 64 | 0000 8000 0000 0001 0000 0000 40",
        "label type 0x80 | 0000 8000 0000 0001 0000 0000 80",
        "forward pointer | 0000 8000 0000 0001 0000 0000 c00e 00 0001 0001 00000001 0004 01020304",
        "self pointer | 0000 8000 0000 0001 0000 0000 c00c 0001 0001 00000001 0004 01020304",
        "truncated pointer | 0000 8000 0000 0001 0000 0000 c0",
        "truncated record header | 0000 8000 0000 0001 0000 0000 00 0001 0001 0000",
        "unknown class | 0000 8000 0000 0001 0000 0000 00 0001 0005 00000001 0004 01020304",
        "record data past the end | 0000 8000 0000 0001 0000 0000 00 0001 0001 00000001 0005 01020304",
        "A with 3 bytes | 0000 8000 0000 0001 0000 0000 00 0001 0001 00000001 0003 010203",
        "AAAA with 15 bytes | 0000 8000 0000 0001 0000 0000 00 001c 0001 00000001 000f 000102030405060708090a0b0c0d0e",
        "TXT string overruns | 0000 8000 0000 0001 0000 0000 00 0010 0001 00000001 0002 0561",
        "CNAME name overruns its data | 0000 8000 0000 0001 0000 0000 00 0005 0001 00000001 0002 0361 00 00",
        "SVCB params out of order | 0000 8000 0000 0001 0000 0000 00 0040 0001 00000001 000d 0001 00 0003 0002 01bb 0001 0000",
        "SVCB duplicate key | 0000 8000 0000 0001 0000 0000 00 0040 0001 00000001 000f 0001 00 0003 0002 01bb 0003 0002 01bb",
        "SVCB param truncated | 0000 8000 0000 0001 0000 0000 00 0040 0001 00000001 0006 0001 00 0003 00",
        "SVCB param value past data | 0000 8000 0000 0001 0000 0000 00 0040 0001 00000001 0008 0001 00 0003 0004 01",
        "ipv4hint of 5 bytes | 0000 8000 0000 0001 0000 0000 00 0040 0001 00000001 000c 0001 00 0004 0005 0102030405",
        "ipv6hint of 4 bytes | 0000 8000 0000 0001 0000 0000 00 0040 0001 00000001 000b 0001 00 0006 0004 01020304",
        "mandatory of odd length | 0000 8000 0000 0001 0000 0000 00 0040 0001 00000001 0008 0001 00 0000 0001 01",
        "alpn id overruns | 0000 8000 0000 0001 0000 0000 00 0040 0001 00000001 0009 0001 00 0001 0002 0568",
        "ech inner length mismatch | 0000 8000 0000 0001 0000 0000 00 0040 0001 00000001 000b 0001 00 0005 0004 0003 aabb",
        "port of one byte | 0000 8000 0000 0001 0000 0000 00 0040 0001 00000001 0008 0001 00 0003 0001 01",
        "MX without exchange | 0000 8000 0000 0001 0000 0000 00 000f 0001 00000001 0002 000a",
        "bad question class | 0000 0100 0001 0000 0000 0000 00 0001 0006",
    })
    void rejectsMalformedMessages(String name, String wire) {
        assertThatThrownBy(() -> DnsPacket.decode(hex(wire)))
                .isInstanceOf(PubkyException.class)
                .satisfies(e -> assertThat(((PubkyException) e).code()).isEqualTo(ErrorCode.INVALID_DNS_PACKET));
    }

    @Test
    void rejectsNamesLongerThan255Bytes() {
        // 4 labels of 63 bytes = 256 bytes of labels: too long, compressed or not.
        StringBuilder wire = new StringBuilder(HEADER_1);
        for (int i = 0; i < 4; i++) {
            wire.append("3f").append("61".repeat(63));
        }
        wire.append("00 0001 0001 00000001 0004 01020304");
        assertThatThrownBy(() -> DnsPacket.decode(hex(wire.toString()))).isInstanceOf(PubkyException.class);
        // 3 × 63 + 61 = the longest legal name (255 bytes with lengths and the root byte).
        String longest = ("a".repeat(63) + ".").repeat(3) + "b".repeat(61);
        DnsPacket ok = DnsPacket.reply(List.of(new ResourceRecord(DnsName.of(longest), 1, TxtRecord.of("x"))));
        assertThat(DnsName.of(longest).wireLength()).isEqualTo(255);
        assertThat(DnsPacket.decode(ok.encode())).isEqualTo(ok);
        assertThatThrownBy(() -> DnsName.of(longest + "c")).isInstanceOf(PubkyException.class);
    }

    @Test
    void modelConstructorsRefuseWhatCannotBeEncoded() {
        assertThatThrownBy(() -> DnsName.of("a..b")).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> DnsName.of("x".repeat(64))).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> new OpaqueRecord(DnsType.A, new byte[4])).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> new SvcParam.Unknown(3, new byte[2])).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> new SvcParam.Ech(hex("0005 00"))).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> new HttpsRecord(1, DnsName.ROOT, List.of(new SvcParam.Port(1), new SvcParam.Port(2))))
                .isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> new ResourceRecord(DnsName.ROOT, 1L << 32, TxtRecord.of("x")))
                .isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> new ResourceRecord(DnsName.ROOT, 5, 1, TxtRecord.of("x")))
                .isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> new TxtRecord(List.of())).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> new DnsPacket(0, 0x0040, List.of(), List.of(), List.of(), List.of()))
                .isInstanceOf(PubkyException.class);
    }

    @Test
    void namesAndTextFollowSimpleDnsConventions() {
        assertThat(DnsName.of(".")).isEqualTo(DnsName.ROOT);
        assertThat(DnsName.of("")).isEqualTo(DnsName.ROOT);
        assertThat(DnsName.ROOT.toString()).isEmpty();
        assertThat(DnsName.of("foo.example.")).isEqualTo(DnsName.of("foo.example"));
        assertThat(DnsName.of("foo.example").toString()).isEqualTo("foo.example");
        assertThat(DnsName.of("Foo")).isNotEqualTo(DnsName.of("foo"));
        assertThat(hex(DnsName.of("foo.example").toWire())).isEqualTo("03666f6f076578616d706c6500");

        TxtRecord longText = TxtRecord.of("x".repeat(300));
        assertThat(longText.strings()).extracting(s -> s.length).containsExactly(254, 46);
        assertThat(longText.text()).isEqualTo("x".repeat(300));
        assertThat(hex(rdataOf(TxtRecord.of("")))).isEqualTo("00");
        assertThat(TxtRecord.of("")).isEqualTo(new TxtRecord(List.of(new byte[0])));
    }

    @Test
    void ttlIsAnUnsigned32BitValue() {
        DnsPacket packet = DnsPacket.reply(List.of(new ResourceRecord(DnsName.ROOT, 0xffff_ffffL, TxtRecord.of("x"))));
        assertThat(hex(packet.encode())).contains("00 0010 0001 ffffffff".replace(" ", ""));
        assertThat(DnsPacket.decode(packet.encode()).answers().get(0).ttl()).isEqualTo(0xffff_ffffL);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
