package org.pubky.dht.mainline.krpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pubky.core.bencode.Bencode;
import org.pubky.core.bencode.BencodeString;
import org.pubky.dht.mainline.routing.NodeId;
import org.pubky.dht.mainline.routing.NodeInfo;

final class KrpcWriterTest {
    private static final byte[] ID = "abcdefghij0123456789".getBytes(StandardCharsets.US_ASCII);

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void pingQueryIsTheBep5ExampleWithOurExtras() {
        byte[] q = KrpcWriter.query("aa".getBytes(StandardCharsets.US_ASCII), "ping", false,
                w -> w.beginDict().writeString("id").writeString(ID).end());
        assertThat(latin1(q)).isEqualTo("d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t2:aa1:v4:PJ\u0000\u00011:y1:qe");
    }

    @Test
    void readOnlyQueryCarriesRo() {
        byte[] q = KrpcWriter.query(new byte[] {1, 2, 3, 4}, "ping", true,
                w -> w.beginDict().writeString("id").writeString(ID).end());
        assertThat(latin1(q)).contains("2:roi1e1:t4:\u0001\u0002\u0003\u0004");
        assertThat(Bencode.decodeDict(q, 0, q.length).getLong("ro")).isEqualTo(1);
    }

    @Test
    void responseEchoesTheTidAndTellsTheRequesterItsAddress() throws Exception {
        InetSocketAddress requester = new InetSocketAddress(InetAddress.getByName("1.2.3.4"), 0x1ae1);
        byte[] r = KrpcWriter.response(BencodeString.of(new byte[] {9, 9, 9}), requester,
                w -> w.beginDict().writeString("id").writeString(ID).end());
        assertThat(latin1(r)).isEqualTo("d2:ip6:\u0001\u0002\u0003\u0004\u001a\u00e11:rd2:id20:abcdefghij0123456789e"
                + "1:t3:\u0009\u0009\u00091:v4:PJ\u0000\u00011:y1:re");
        assertThat(latin1(r)).doesNotContain("2:ro");
    }

    @Test
    void errorCarriesCodeAndMessage() throws Exception {
        InetSocketAddress requester = new InetSocketAddress(InetAddress.getByName("1.2.3.4"), 1);
        byte[] e = KrpcWriter.error(BencodeString.of("aa"), requester, KrpcError.SEQ_TOO_LOW);
        assertThat(latin1(e)).startsWith("d1:eli302e34:sequence number less than current.e2:ip6:");
        assertThat(Bencode.decodeDict(e, 0, e.length).getList("e").getLong(0)).isEqualTo(302);
    }

    @Test
    void compactNodesRoundTrip() throws Exception {
        NodeInfo a = new NodeInfo(NodeId.of(ID), new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 6881));
        NodeInfo b = new NodeInfo(NodeId.ofHex("ff".repeat(20)), new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 65535));
        byte[] compact = Compact.nodes(List.of(a, b));
        assertThat(compact).hasSize(52);
        assertThat(Compact.parseNodes(BencodeString.of(compact))).containsExactly(a, b);
        // a trailing partial entry and port-0 entries are skipped
        byte[] odd = java.util.Arrays.copyOf(compact, 60);
        assertThat(Compact.parseNodes(BencodeString.of(odd))).containsExactly(a, b);
        compact[50] = 0;
        compact[51] = 0;
        assertThat(Compact.parseNodes(BencodeString.of(compact))).containsExactly(a);
    }
}
