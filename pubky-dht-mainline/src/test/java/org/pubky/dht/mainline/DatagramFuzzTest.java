package org.pubky.dht.mainline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.bencode.Bencode;
import org.pubky.core.bencode.BencodeDict;
import org.pubky.core.bencode.BencodeInteger;
import org.pubky.core.bencode.BencodeList;
import org.pubky.core.bencode.BencodeString;
import org.pubky.core.bencode.BencodeValue;
import org.pubky.dht.mainline.NodeMetrics.Drop;
import org.pubky.dht.mainline.routing.NodeId;
import org.pubky.dht.mainline.routing.NodeInfo;
import org.pubky.dht.mainline.testing.LoopbackTestnet;

/**
 * Garbage, truncated, mutated, oversized and well-formed-but-wrong datagrams, by the thousand,
 * in both directions (queries to the node, answers to the node's own queries): the node keeps
 * running, keeps its routing table and never reaches its "internal error" path. Everything stays
 * on 127.0.0.1: addresses inside generated messages are loopback only.
 */
@Timeout(120)
final class DatagramFuzzTest {
    private static final String[] KEYS = {"a", "e", "id", "implied_port", "info_hash", "ip", "k", "nodes", "port", "q",
        "r", "ro", "salt", "seq", "sig", "t", "target", "token", "v", "values", "y", "cas"};
    private static final String[] METHODS = {"ping", "find_node", "get_peers", "announce_peer", "get", "put", "vote", ""};
    private static final int[] LENGTHS = {0, 1, 2, 4, 6, 19, 20, 21, 26, 32, 52, 64, 65, 1000, 1001};

    private final Random random = new Random(0x5eed);
    private LoopbackTestnet net;
    private MainlineNode node;
    private Set<NodeId> tableBefore;

    @BeforeEach
    void start() {
        net = LoopbackTestnet.start(6);
        node = net.node(0);
        tableBefore = ids(node);
    }

    @AfterEach
    void stop() {
        net.close();
    }

    private static Set<NodeId> ids(MainlineNode n) {
        Set<NodeId> s = new HashSet<>();
        n.routingTable().nodes().forEach(i -> s.add(i.id()));
        return s;
    }

    private byte[] bytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    /** A loopback-only compact node list. */
    private byte[] loopbackNodes(int count, int port) {
        byte[] out = new byte[count * 26];
        for (int i = 0; i < count; i++) {
            System.arraycopy(bytes(20), 0, out, i * 26, 20);
            out[i * 26 + 20] = 127;
            out[i * 26 + 23] = 1;
            out[i * 26 + 24] = (byte) (port >>> 8);
            out[i * 26 + 25] = (byte) port;
        }
        return out;
    }

    private BencodeValue randomValue(int depth, int deadPort) {
        int pick = random.nextInt(depth > 2 ? 3 : 5);
        return switch (pick) {
            case 0 -> BencodeString.of(bytes(LENGTHS[random.nextInt(LENGTHS.length)]));
            case 1 -> new BencodeInteger(random.nextBoolean() ? random.nextLong() : random.nextInt(70000) - 5);
            case 2 -> BencodeString.of(METHODS[random.nextInt(METHODS.length)]);
            case 3 -> {
                BencodeValue[] items = new BencodeValue[random.nextInt(4)];
                for (int i = 0; i < items.length; i++) {
                    items[i] = randomValue(depth + 1, deadPort);
                }
                yield Bencode.decode(Bencode.encode(listOf(items)));
            }
            default -> randomDict(depth + 1, deadPort);
        };
    }

    private static BencodeList listOf(BencodeValue[] items) {
        org.pubky.core.bencode.BencodeWriter w = new org.pubky.core.bencode.BencodeWriter();
        w.beginList();
        for (BencodeValue v : items) {
            w.write(v);
        }
        byte[] b = w.end().toByteArray();
        return (BencodeList) Bencode.decode(b);
    }

    private BencodeDict randomDict(int depth, int deadPort) {
        BencodeDict.Builder b = BencodeDict.builder();
        int n = random.nextInt(7);
        for (int i = 0; i < n; i++) {
            String key = KEYS[random.nextInt(KEYS.length)];
            BencodeValue value = key.equals("nodes") ? BencodeString.of(loopbackNodes(random.nextInt(3), deadPort))
                    : key.equals("ip") ? BencodeString.of(new byte[] {127, 0, 0, 1, 0x1a, (byte) 0xe1})
                    : randomValue(depth, deadPort);
            try {
                b.put(key, value);
            } catch (RuntimeException duplicate) {
                // keys repeat by chance; keep the first
            }
        }
        return b.build();
    }

    /** A message with a KRPC skeleton and random parts. */
    private byte[] krpcLike(String y, byte[] tid, int deadPort) {
        BencodeDict.Builder b = BencodeDict.builder();
        b.put("y", y);
        b.put("t", tid);
        if (y.equals("q")) {
            b.put("q", METHODS[random.nextInt(METHODS.length)]);
            BencodeDict a = randomDict(1, deadPort);
            BencodeDict.Builder args = BencodeDict.builder();
            for (int i = 0; i < a.size(); i++) {
                args.put(a.keyAt(i), a.valueAt(i));
            }
            if (!a.containsKey("id") && random.nextInt(4) > 0) {
                args.put("id", bytes(20));
            }
            b.put("a", args.build());
        } else if (y.equals("r")) {
            BencodeDict r = randomDict(1, deadPort);
            BencodeDict.Builder body = BencodeDict.builder();
            for (int i = 0; i < r.size(); i++) {
                body.put(r.keyAt(i), r.valueAt(i));
            }
            if (!r.containsKey("id") && random.nextInt(4) > 0) {
                body.put("id", bytes(20));
            }
            b.put("r", body.build());
        } else {
            b.put("e", listOf(new BencodeValue[] {randomValue(3, deadPort), randomValue(3, deadPort)}));
        }
        if (random.nextInt(4) == 0) {
            b.put("ro", 1);
        }
        return Bencode.encode(b.build());
    }

    private byte[] mutate(byte[] valid) {
        byte[] b = valid.clone();
        switch (random.nextInt(4)) {
            case 0 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length)); // truncated
            case 1 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            case 2 -> b = bytes(random.nextInt(3000)); // garbage
            default -> {
                int at = random.nextInt(b.length);
                b[at] = (byte) "0123456789:ilde".charAt(random.nextInt(15));
            }
        }
        return b;
    }

    private void assertHealthy() {
        assertThat(node.metrics().dropped(Drop.INTERNAL_ERROR)).isZero();
        assertThat(ids(node)).containsAll(tableBefore);
        assertThat(net.node(1).ping(node.localAddress()).join()).isEqualTo(node.id());
        assertThat(node.findNode(net.node(3).id()).join()).extracting(NodeInfo::id).contains(net.node(3).id());
    }

    @Test
    void tenThousandDatagramsInProcess() {
        InetSocketAddress from = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9); // discard: replies vanish
        int dead = 9;
        for (int i = 0; i < 10_000; i++) {
            String y = new String[] {"q", "r", "e", "x"}[random.nextInt(4)];
            byte[] message = krpcLike(y, bytes(LENGTHS[random.nextInt(5)]), dead);
            byte[] datagram = random.nextInt(3) == 0 ? mutate(message) : message;
            node.receiver().handle(datagram, datagram.length, from);
        }
        byte[] huge = bytes(MainlineNode.MAX_DATAGRAM_BYTES + 1);
        huge[0] = 'd';
        node.receiver().handle(huge, huge.length, from);
        assertThat(node.metrics().dropped(Drop.OVERSIZED)).isPositive();
        assertThat(node.metrics().dropped(Drop.MALFORMED)).isGreaterThan(1000);
        assertThat(node.metrics().errorsSent(203)).isGreaterThan(100);
        assertHealthy();
    }

    @Test
    void threeThousandDatagramsOverUdpIncludingOversized() throws Exception {
        try (DatagramSocket attacker = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            attacker.setReceiveBufferSize(1 << 20);
            long receivedBefore = node.metrics().received();
            int sent = 0;
            for (int i = 0; i < 3000; i++) {
                byte[] datagram = i % 200 == 0 ? bytes(i % 400 == 0 ? 65_000 : 5000)
                        : random.nextBoolean() ? mutate(krpcLike("q", bytes(2), attacker.getLocalPort()))
                        : krpcLike(random.nextBoolean() ? "q" : "r", bytes(4), attacker.getLocalPort());
                attacker.send(new DatagramPacket(datagram, datagram.length, node.localAddress()));
                sent++;
                if (i % 100 == 0) {
                    Thread.sleep(1); // let the receiver keep up: loss would make the count below flaky
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (node.metrics().received() - receivedBefore < sent * 95L / 100 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(node.metrics().received() - receivedBefore).isGreaterThanOrEqualTo(sent * 95L / 100);
            assertThat(node.metrics().dropped(Drop.OVERSIZED)).isGreaterThanOrEqualTo(10);
            assertHealthy();
        }
    }

    @Test
    void fuzzedAnswersToOurOwnQueriesAreSurvived() throws Exception {
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             MainlineNode client = MainlineNode.start(LoopbackTestnet.nodeConfig().bind(InetAddress.getLoopbackAddress())
                     .port(0).mode(Mode.SERVER).bootstrap(List.of("127.0.0.1:" + peer.getLocalPort()))
                     .requestTimeout(Duration.ofMillis(100)).build())) {
            peer.setSoTimeout(100);
            int answered = 0;
            byte[] buffer = new byte[4096];
            for (int round = 0; round < 60; round++) {
                var pending = client.getMutable(bytes(32), null, OptionalLong.empty());
                // answer every query of this lookup with fuzz, echoing its tid
                while (!pending.isDone()) {
                    DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                    try {
                        peer.receive(in);
                    } catch (SocketTimeoutException e) {
                        continue;
                    }
                    BencodeDict q = Bencode.decodeDict(in.getData(), 0, in.getLength());
                    byte[] tid = q.getBytes("t");
                    byte[] answer = random.nextInt(5) == 0 ? mutate(krpcLike("r", tid, peer.getLocalPort()))
                            : krpcLike(random.nextInt(4) == 0 ? "e" : "r", tid, peer.getLocalPort());
                    peer.send(new DatagramPacket(answer, answer.length, in.getSocketAddress()));
                    answered++;
                }
                try {
                    pending.join();
                } catch (CompletionException expected) {
                    assertThat(expected.getCause()).isInstanceOf(org.pubky.spi.PubkyException.class);
                }
            }
            assertThat(answered).isGreaterThanOrEqualTo(60);
            assertThat(client.metrics().dropped(Drop.INTERNAL_ERROR)).isZero();
            assertThat(client.ping(net.node(2).localAddress()).join()).isEqualTo(net.node(2).id());
        }
    }
}
