package org.pubky.dht.mainline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.keys.Keypair;
import org.pubky.core.pkarr.SignedPacket;
import org.pubky.core.time.Timestamp;
import org.pubky.dht.mainline.MainlineNode;
import org.pubky.dht.mainline.routing.NodeId;
import org.pubky.dht.mainline.routing.NodeInfo;
import org.pubky.dht.mainline.routing.RoutingTable;
import org.pubky.spi.dht.MutableItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 50-node unseeded testnet (everyone joins through node 0): lookups converge on the true
 * closest nodes, and a PKARR packet published from one node resolves from all 49 others.
 * Prints median and p99 resolve times (recorded in docs/benchmarks.md).
 */
@Timeout(120)
final class LoopbackTestnetIT {
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackTestnetIT.class);
    private static final int SIZE = 50;

    @Test
    void fiftyNodesConvergeAndResolveFromEveryNode() {
        long startJoin = System.nanoTime();
        try (LoopbackTestnet net = LoopbackTestnet.start(SIZE, false)) {
            long joinMillis = (System.nanoTime() - startJoin) / 1_000_000;
            long joinTimeouts = net.nodes().stream().mapToLong(n -> n.metrics().timeouts()).sum();
            for (MainlineNode n : net.nodes()) {
                assertThat(n.routingTable().size()).as("table of %s", n).isGreaterThanOrEqualTo(RoutingTable.K);
            }

            // convergence: find_node from every node returns the true 20 closest of the whole net
            Keypair kp = Keypair.fromSecret(new byte[32]);
            SignedPacket packet = SignedPacket.builder().txt("_bench", "fifty nodes", 300)
                    .sign(kp, new Timestamp(1_700_000_000_000_000L));
            NodeId target = NodeId.of(packet.target());
            for (int i = 0; i < SIZE; i += 7) {
                MainlineNode querier = net.node(i);
                List<NodeId> truth = net.nodes().stream().filter(n -> n != querier).map(MainlineNode::id)
                        .sorted(target::compareDistance).limit(RoutingTable.K).toList();
                List<NodeId> found = querier.findNode(target).join().stream().map(NodeInfo::id).toList();
                assertThat(found).as("closest to the target seen from node %d", i).isEqualTo(truth);
            }

            MutableItem item = MutableItem.of(kp.publicKey().bytes(), packet.timestamp().micros(), packet.dnsBytes(), packet.signature());
            long putStart = System.nanoTime();
            int storedAt = net.node(17).putMutable(item, OptionalLong.empty()).join().storedAt();
            long putMicros = (System.nanoTime() - putStart) / 1000;
            assertThat(storedAt).isGreaterThanOrEqualTo(RoutingTable.K - 1);

            long[] micros = new long[SIZE - 1];
            int k = 0;
            for (int i = 0; i < SIZE; i++) {
                if (i == 17) {
                    continue;
                }
                long start = System.nanoTime();
                Optional<MutableItem> got = net.node(i).getMutable(kp.publicKey().bytes(), null, OptionalLong.empty()).join();
                micros[k++] = (System.nanoTime() - start) / 1000;
                assertThat(got).as("resolve from node %d", i).contains(item);
            }
            Arrays.sort(micros);
            long median = micros[micros.length / 2];
            long p99 = micros[(int) Math.ceil(micros.length * 0.99) - 1];
            long timeouts = net.nodes().stream().mapToLong(n -> n.metrics().timeouts()).sum() - joinTimeouts;
            String summary = String.format("DHT testnet %d nodes: join %d ms, put %.1f ms (stored at %d), resolve median %.2f ms,"
                    + " p99 %.2f ms, max %.2f ms over %d resolves, %d query timeouts after the join", SIZE, joinMillis, putMicros / 1000.0,
                    storedAt, median / 1000.0, p99 / 1000.0, micros[micros.length - 1] / 1000.0, micros.length, timeouts);
            System.out.println(summary);
            LOG.warn(summary);
            assertThat(timeouts).as("queries lost after the join on loopback").isZero();
        }
    }
}
