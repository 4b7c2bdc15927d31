package org.pubky.dht.mainline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class RoutingTableTest {
    private static final long STALE = 15 * 60_000;
    private final Random random = new Random(3);
    private final NodeId self = NodeId.ofHex("0000000000000000000000000000000000000000");

    private NodeInfo local(NodeId id, int port) {
        return new NodeInfo(id, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** An id in bucket 160 (top bit set) with a random tail. */
    private NodeId farId() {
        byte[] b = NodeId.random(random).bytes();
        b[0] |= (byte) 0x80;
        return NodeId.of(b);
    }

    @Test
    void bucketHoldsKAndRefusesNewcomersWhileEveryoneIsFresh() {
        RoutingTable table = new RoutingTable(self, STALE);
        for (int i = 0; i < RoutingTable.K; i++) {
            assertThat(table.seen(local(farId(), 1000 + i), 0)).isTrue();
        }
        assertThat(table.seen(local(farId(), 2000), 10)).isFalse();
        assertThat(table.size()).isEqualTo(RoutingTable.K);
    }

    @Test
    void staleEntryIsReplacedOldestFirst() {
        RoutingTable table = new RoutingTable(self, STALE);
        List<NodeInfo> nodes = new java.util.ArrayList<>();
        for (int i = 0; i < RoutingTable.K; i++) {
            NodeInfo n = local(farId(), 1000 + i);
            nodes.add(n);
            table.seen(n, i);
        }
        // nobody stale yet: refused; after STALE ms without news, the oldest goes
        NodeInfo newcomer = local(farId(), 3000);
        assertThat(table.seen(newcomer, STALE)).isFalse();
        for (int i = 1; i < RoutingTable.K; i++) {
            table.seen(nodes.get(i), STALE + 1); // everyone but node 0 answered again
        }
        assertThat(table.seen(newcomer, STALE + 2)).isTrue();
        assertThat(table.contains(nodes.get(0).id())).isFalse();
        assertThat(table.contains(newcomer.id())).isTrue();
    }

    @Test
    void failedNodeIsReplaceableAndRemovedAfterRepeatedFailures() {
        RoutingTable table = new RoutingTable(self, STALE);
        NodeInfo a = local(farId(), 1000);
        table.seen(a, 0);
        table.failed(a.id());
        assertThat(table.removeFailing(2)).isZero();
        table.failed(a.id());
        assertThat(table.removeFailing(2)).isEqualTo(1);
        assertThat(table.size()).isZero();
    }

    @Test
    void answerResetsFailures() {
        RoutingTable table = new RoutingTable(self, STALE);
        NodeInfo a = local(farId(), 1000);
        table.seen(a, 0);
        table.failed(a.id());
        table.seen(a, 5);
        table.failed(a.id());
        assertThat(table.removeFailing(2)).isZero();
        assertThat(table.entries().get(0).lastSeenMillis()).isEqualTo(5);
    }

    @Test
    void closestIsSortedByXor() {
        RoutingTable table = new RoutingTable(self, STALE);
        for (int i = 0; i < 200; i++) {
            table.seen(local(NodeId.random(random), 1000 + i), 0);
        }
        NodeId target = NodeId.random(random);
        List<NodeInfo> closest = table.closest(target, 20);
        assertThat(closest).hasSize(20);
        for (int i = 1; i < closest.size(); i++) {
            assertThat(target.compareDistance(closest.get(i - 1).id(), closest.get(i).id())).isNegative();
        }
        // nothing outside the answer is closer than its last element
        for (NodeInfo n : table.nodes()) {
            if (!closest.contains(n)) {
                assertThat(target.compareDistance(n.id(), closest.get(19).id())).isPositive();
            }
        }
    }

    @Test
    void sameAddressWithNewIdReplacesTheOldId() {
        RoutingTable table = new RoutingTable(self, STALE);
        NodeInfo a = local(farId(), 1000);
        NodeInfo b = local(farId(), 1000);
        table.seen(a, 0);
        table.seen(b, 1);
        assertThat(table.contains(a.id())).isFalse();
        assertThat(table.contains(b.id())).isTrue();
    }

    @Test
    void onlyOneNonSecureNodePerPublicIp() throws Exception {
        RoutingTable table = new RoutingTable(self, STALE);
        Inet4Address ip = (Inet4Address) InetAddress.getByName("124.31.75.21");
        NodeInfo insecure1 = new NodeInfo(NodeId.ofHex("0000000000000000000000000000000000000001"), new InetSocketAddress(ip, 1));
        NodeInfo insecure2 = new NodeInfo(NodeId.ofHex("0000000000000000000000000000000000000002"), new InetSocketAddress(ip, 2));
        NodeInfo secure = new NodeInfo(Bep42.secureId(ip, random), new InetSocketAddress(ip, 3));
        assertThat(table.seen(insecure1, 0)).isTrue();
        assertThat(table.seen(insecure2, 1)).isFalse();
        assertThat(table.seen(secure, 2)).isTrue();
        assertThat(table.closestSecureFirst(insecure1.id(), 2).get(0)).isEqualTo(secure);
    }

    @Test
    void rebaseKeepsNodesUnderTheNewId() {
        RoutingTable table = new RoutingTable(self, STALE);
        for (int i = 0; i < 50; i++) {
            table.seen(local(NodeId.random(random), 1000 + i), 0);
        }
        NodeId newSelf = NodeId.random(random);
        int[] perBucket = new int[161];
        for (NodeInfo n : table.nodes()) {
            perBucket[newSelf.bucketIndex(n.id())]++;
        }
        int fits = 0;
        for (int c : perBucket) {
            fits += Math.min(c, RoutingTable.K);
        }
        table.rebase(newSelf);
        assertThat(table.self()).isEqualTo(newSelf);
        assertThat(fits).isLessThan(50); // half the random ids share the far bucket, which holds 20
        assertThat(table.size()).isEqualTo(fits);
        assertThat(table.seen(local(newSelf, 5), 0)).isFalse();
    }
}
