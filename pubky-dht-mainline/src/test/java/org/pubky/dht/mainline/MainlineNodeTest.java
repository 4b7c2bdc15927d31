package org.pubky.dht.mainline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.bep44.Bep44;
import org.pubky.core.keys.Keypair;
import org.pubky.dht.mainline.krpc.KrpcError;
import org.pubky.dht.mainline.routing.NodeId;
import org.pubky.dht.mainline.testing.LoopbackTestnet;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.dht.MutableItem;

@Timeout(60)
final class MainlineNodeTest {
    private static LoopbackTestnet net;

    @BeforeAll
    static void startNet() {
        net = LoopbackTestnet.start(8);
    }

    @AfterAll
    static void stopNet() {
        net.close();
    }

    /** Temporary server nodes answer lookups while alive; forget them when they close so later tests see no timeouts. */
    private static void forget(MainlineNode n) {
        net.nodes().forEach(m -> m.routingTable().remove(n.id()));
    }

    private static ErrorCode codeOf(Throwable t) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        assertThat(c).isInstanceOf(PubkyException.class);
        return ((PubkyException) c).code();
    }

    @Test
    void putThenGetFromAnotherNode() {
        Keypair kp = TestItems.keypair(1);
        MutableItem item = TestItems.signed(kp, 1, "hello dht");
        PutOutcome outcome = net.node(0).putMutable(item, OptionalLong.empty()).join();
        assertThat(outcome.storedAt()).isEqualTo(7); // every other node is among the 20 closest
        assertThat(outcome.target().bytes()).isEqualTo(Bep44.target(kp.publicKey().bytes(), null));
        Optional<MutableItem> got = net.node(5).getMutable(kp.publicKey().bytes(), null, OptionalLong.empty()).join();
        assertThat(got).contains(item);
    }

    @Test
    void getWithSeqLowerBoundSkipsOlderItems() {
        Keypair kp = TestItems.keypair(2);
        MutableItem item = TestItems.signed(kp, 10, "v10");
        net.node(1).putMutable(item, OptionalLong.empty()).join();
        assertThat(net.node(2).getMutable(kp.publicKey().bytes(), null, OptionalLong.of(9)).join()).contains(item);
        assertThat(net.node(2).getMutable(kp.publicKey().bytes(), null, OptionalLong.of(10)).join()).isEmpty();
    }

    @Test
    void olderSeqIsRefusedWith302CasMismatchWith301() {
        Keypair kp = TestItems.keypair(3);
        net.node(0).putMutable(TestItems.signed(kp, 5, "five"), OptionalLong.empty()).join();
        assertThatThrownBy(() -> net.node(3).putMutable(TestItems.signed(kp, 4, "four"), OptionalLong.empty()).join())
                .satisfies(t -> assertThat(codeOf(t)).isEqualTo(ErrorCode.NOT_MOST_RECENT));
        assertThatThrownBy(() -> net.node(3).putMutable(TestItems.signed(kp, 6, "six"), OptionalLong.of(4)).join())
                .satisfies(t -> assertThat(codeOf(t)).isEqualTo(ErrorCode.CONFLICT));
        assertThat(net.node(3).putMutable(TestItems.signed(kp, 6, "six"), OptionalLong.of(5)).join().storedAt()).isPositive();
        long refusedByStorage = net.nodes().stream().mapToLong(n -> n.metrics().errorsSent(KrpcError.SEQ_TOO_LOW)).sum();
        assertThat(refusedByStorage).isGreaterThanOrEqualTo(7);
    }

    @Test
    void equalSeqRepublishOfTheIdenticalItemSucceedsAndTheLargerValueWins() {
        Keypair kp = TestItems.keypair(4);
        MutableItem a = TestItems.signed(kp, 7, "aaa");
        MutableItem b = TestItems.signed(kp, 7, "bbb");
        net.node(0).putMutable(a, OptionalLong.empty()).join();
        assertThat(net.node(4).putMutable(a, OptionalLong.empty()).join().storedAt()).isEqualTo(7);
        assertThat(net.node(4).putMutable(b, OptionalLong.empty()).join().storedAt()).isEqualTo(7);
        assertThatThrownBy(() -> net.node(5).putMutable(a, OptionalLong.empty()).join())
                .satisfies(t -> assertThat(codeOf(t)).isEqualTo(ErrorCode.NOT_MOST_RECENT));
        assertThat(net.node(6).getMutable(kp.publicKey().bytes(), null, OptionalLong.empty()).join()).contains(b);
    }

    @Test
    void saltedItemsLiveUnderTheirOwnTarget() {
        Keypair kp = TestItems.keypair(5);
        byte[] salt = "foobar".getBytes(StandardCharsets.US_ASCII);
        MutableItem salted = TestItems.signed(kp, 1, "salted".getBytes(StandardCharsets.US_ASCII), salt);
        net.node(2).putMutable(salted, OptionalLong.empty()).join();
        assertThat(net.node(7).getMutable(kp.publicKey().bytes(), salt, OptionalLong.empty()).join()).contains(salted);
        assertThat(net.node(7).getMutable(kp.publicKey().bytes(), null, OptionalLong.empty()).join()).isEmpty();
    }

    @Test
    void badSignatureIsRefusedBeforeSending() {
        Keypair kp = TestItems.keypair(6);
        MutableItem good = TestItems.signed(kp, 1, "x");
        byte[] sig = good.signature();
        sig[0] ^= 1;
        MutableItem bad = MutableItem.of(good.key(), 1, good.value(), sig);
        assertThatThrownBy(() -> net.node(0).putMutable(bad, OptionalLong.empty()).join())
                .satisfies(t -> assertThat(codeOf(t)).isEqualTo(ErrorCode.INVALID_SIGNATURE));
    }

    @Test
    void immutablePutAndGet() {
        byte[] value = "12:Hello World!".getBytes(StandardCharsets.US_ASCII);
        PutOutcome outcome = net.node(1).putImmutable(value).join();
        assertThat(outcome.target().hex()).isEqualTo("e5f96f6f38320f0f33959cb4d3d656452117aadb");
        assertThat(net.node(6).getImmutable(outcome.target()).join()).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
    }

    @Test
    void announceAndGetPeers() {
        NodeId infoHash = NodeId.ofHex("ab".repeat(20));
        assertThat(net.node(2).announcePeer(infoHash, 4242).join().storedAt()).isPositive();
        List<java.net.InetSocketAddress> peers = net.node(5).getPeers(infoHash).join();
        assertThat(peers).contains(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 4242));
    }

    @Test
    void findNodeReturnsTheClosestNodes() {
        NodeId target = net.node(3).id();
        List<org.pubky.dht.mainline.routing.NodeInfo> closest = net.node(0).findNode(target).join();
        assertThat(closest.get(0).id()).isEqualTo(target);
        assertThat(closest).hasSize(7);
    }

    @Test
    void responsesVoteOurExternalAddress() {
        net.node(0).findNode(NodeId.random(new java.util.Random(1))).join();
        assertThat(net.node(0).externalAddress()).contains(net.node(0).localAddress());
    }

    @Test
    void clientModeNodeQueriesWithRoAndStaysOutOfTables() {
        try (MainlineNode client = MainlineNode.start(LoopbackTestnet.nodeConfig().bind(InetAddress.getLoopbackAddress())
                .port(0).mode(Mode.CLIENT).bootstrap(net.bootstrap().subList(0, 1)).build())) {
            client.bootstrap().join();
            assertThat(client.routingTable().size()).isEqualTo(8);
            for (MainlineNode n : net.nodes()) {
                assertThat(n.routingTable().contains(client.id())).isFalse();
            }
            // it does not answer queries
            assertThatThrownBy(() -> net.node(0).ping(client.localAddress()).join())
                    .satisfies(t -> assertThat(codeOf(t)).isEqualTo(ErrorCode.TIMEOUT));
            assertThat(client.metrics().dropped(NodeMetrics.Drop.NOT_SERVING)).isPositive();
            Keypair kp = TestItems.keypair(7);
            MutableItem item = TestItems.signed(kp, 3, "from a client");
            assertThat(client.putMutable(item, OptionalLong.empty()).join().storedAt()).isEqualTo(8);
            assertThat(net.node(4).getMutable(kp.publicKey().bytes(), null, OptionalLong.empty()).join()).contains(item);
        }
    }

    @Test
    void adaptiveNodeBecomesServerOnceReachable() throws Exception {
        try (MainlineNode adaptive = MainlineNode.start(LoopbackTestnet.nodeConfig().bind(InetAddress.getLoopbackAddress())
                .port(0).mode(Mode.ADAPTIVE).adaptiveDelay(Duration.ZERO).maintenanceInterval(Duration.ofMillis(100))
                .bootstrap(net.bootstrap()).build())) {
            assertThat(adaptive.isServing()).isFalse();
            adaptive.bootstrap().join();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!adaptive.isServing() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(adaptive.externalAddress()).contains(adaptive.localAddress());
            assertThat(adaptive.isServing()).isTrue();
            assertThat(net.node(1).ping(adaptive.localAddress()).join()).isEqualTo(adaptive.id());
            adaptive.close();
            forget(adaptive);
        }
    }

    @Test
    void staleNodesArePingedAndDeadOnesRemoved() throws Exception {
        try (MainlineNode watcher = MainlineNode.start(LoopbackTestnet.nodeConfig().bind(InetAddress.getLoopbackAddress())
                .port(0).mode(Mode.SERVER).bootstrap(List.of()).staleAfter(Duration.ofMillis(50))
                .maintenanceInterval(Duration.ofMillis(100)).refreshInterval(Duration.ofHours(1))
                .requestTimeout(Duration.ofMillis(200)).build());
             MainlineNode doomed = MainlineNode.start(LoopbackTestnet.nodeConfig().bind(InetAddress.getLoopbackAddress())
                .port(0).mode(Mode.SERVER).bootstrap(List.of()).build())) {
            watcher.ping(net.node(0).localAddress()).join();
            watcher.ping(doomed.localAddress()).join();
            assertThat(watcher.routingTable().size()).isEqualTo(2);
            long pingsBefore = net.node(0).metrics().queriesReceived();
            doomed.close();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (watcher.routingTable().contains(doomed.id()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(watcher.routingTable().contains(doomed.id())).isFalse();
            assertThat(watcher.routingTable().contains(net.node(0).id())).isTrue();
            assertThat(net.node(0).metrics().queriesReceived()).isGreaterThan(pingsBefore); // refresh pings
            watcher.close();
            forget(watcher);
        }
    }

    @Test
    void closeFailsPendingFuturesAndStopsThreads() {
        MainlineNode lonely = MainlineNode.start(LoopbackTestnet.nodeConfig().bind(InetAddress.getLoopbackAddress())
                .port(0).bootstrap(List.of()).requestTimeout(Duration.ofSeconds(30)).build());
        var pending = lonely.ping(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 9)); // discard port
        lonely.close();
        assertThatThrownBy(pending::join).satisfies(t -> assertThat(codeOf(t)).isEqualTo(ErrorCode.UNAVAILABLE));
        String prefix = "pubky-dht-" + lonely.localAddress().getPort() + "-";
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith(prefix) && t.isAlive())
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith(prefix) && t.isAlive());
        lonely.close(); // idempotent
    }

    @Test
    void nodeWithoutPeersIsUnavailable() {
        try (MainlineNode lonely = MainlineNode.start(LoopbackTestnet.nodeConfig().bind(InetAddress.getLoopbackAddress())
                .port(0).bootstrap(List.of()).build())) {
            assertThatThrownBy(() -> lonely.getMutable(new byte[32], null, OptionalLong.empty()).join())
                    .satisfies(t -> assertThat(codeOf(t)).isEqualTo(ErrorCode.UNAVAILABLE));
        }
    }

    @Test
    void twoByteTransactionIdsWork() {
        try (MainlineNode old = MainlineNode.start(LoopbackTestnet.nodeConfig().bind(InetAddress.getLoopbackAddress())
                .port(0).mode(Mode.SERVER).tidLength(2).bootstrap(net.bootstrap().subList(0, 1)).build())) {
            old.bootstrap().join();
            Keypair kp = TestItems.keypair(8);
            MutableItem item = TestItems.signed(kp, 1, "two-byte tids");
            assertThat(old.putMutable(item, OptionalLong.empty()).join().storedAt()).isEqualTo(8);
            assertThat(old.getMutable(kp.publicKey().bytes(), null, OptionalLong.empty()).join()).contains(item);
            old.close();
            forget(old);
        }
    }
}
