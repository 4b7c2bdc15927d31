package org.pubky.dht.mainline.testing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pubky.dht.mainline.MainlineDhtTransport;
import org.pubky.dht.mainline.MainlineNode;
import org.pubky.dht.mainline.Mode;
import org.pubky.dht.mainline.NodeConfig;
import org.pubky.dht.mainline.routing.NodeInfo;

/**
 * A small DHT on 127.0.0.1 for tests, of this module or any other (a relay or resolver test
 * starts one and points its own node's {@code bootstrap} at {@link #bootstrap()}). Every node is
 * a server on a free port with no rate limit and short timeouts, like the Rust {@code Testnet}.
 *
 * <p><em>Seeded</em>: every routing table is filled with all other nodes before the call returns.
 * <em>Unseeded</em>: node 0 is the bootstrap node of all others, which join through it one after
 * the other (the call returns once every node has finished its bootstrap lookup).
 *
 * <p>It lives in {@code src/main} (not a test jar) so that other modules need only their normal
 * dependency on this module; it holds no state beyond the nodes it started and
 * {@link #close()} stops them all.
 */
public final class LoopbackTestnet implements AutoCloseable {
    private final List<MainlineNode> nodes;

    private LoopbackTestnet(List<MainlineNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** A seeded testnet of {@code size} nodes. */
    public static LoopbackTestnet start(int size) {
        return start(size, true);
    }

    /** A testnet of {@code size} nodes, seeded or joined through node 0. */
    public static LoopbackTestnet start(int size, boolean seeded) {
        return start(size, seeded, nodeConfig().build());
    }

    /**
     * A testnet whose nodes use {@code template} (its bind address, port, bootstrap and mode are
     * overridden).
     */
    public static LoopbackTestnet start(int size, boolean seeded, NodeConfig template) {
        if (size < 1) {
            throw new IllegalArgumentException("a testnet has at least one node");
        }
        List<MainlineNode> nodes = new ArrayList<>(size);
        try {
            NodeConfig.Builder base = template.toBuilder().bind(InetAddress.getLoopbackAddress()).port(0).mode(Mode.SERVER);
            MainlineNode first = MainlineNode.start(base.bootstrap(List.of()).build());
            nodes.add(first);
            String firstAddress = "127.0.0.1:" + first.localAddress().getPort();
            for (int i = 1; i < size; i++) {
                nodes.add(MainlineNode.start(base.bootstrap(seeded ? List.of() : List.of(firstAddress)).build()));
            }
            if (seeded) {
                for (MainlineNode n : nodes) {
                    for (MainlineNode other : nodes) {
                        if (n != other) {
                            n.routingTable().seen(new NodeInfo(other.id(), other.localAddress()), 0);
                        }
                    }
                }
            } else {
                // one after the other, as the Rust testnet does: each newcomer finds the earlier ones
                for (MainlineNode n : nodes.subList(1, nodes.size())) {
                    n.bootstrap().join();
                }
            }
            return new LoopbackTestnet(nodes);
        } catch (RuntimeException e) {
            nodes.forEach(MainlineNode::close);
            throw e;
        }
    }

    /** The settings testnet nodes start from: no rate limit, 500 ms request timeout. */
    public static NodeConfig.Builder nodeConfig() {
        return NodeConfig.builder().rateLimit(0).requestTimeout(Duration.ofMillis(500));
    }

    /** The nodes, node 0 first. */
    public List<MainlineNode> nodes() {
        return nodes;
    }

    public MainlineNode node(int index) {
        return nodes.get(index);
    }

    public int size() {
        return nodes.size();
    }

    /** {@code 127.0.0.1:<port>} of every node, for another node's {@code bootstrap} setting. */
    public List<String> bootstrap() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.localAddress().getPort()).toList();
    }

    /** The socket addresses of every node. */
    public List<InetSocketAddress> addresses() {
        return nodes.stream().map(MainlineNode::localAddress).toList();
    }

    /**
     * A client-mode transport (not part of the testnet) bootstrapped from it: what a PKARR
     * publisher or resolver under test would use.
     */
    public MainlineDhtTransport clientTransport() {
        return MainlineDhtTransport.start(nodeConfig().bind(InetAddress.getLoopbackAddress()).port(0)
                .mode(Mode.CLIENT).bootstrap(bootstrap()).build());
    }

    @Override
    public void close() {
        nodes.forEach(MainlineNode::close);
    }
}
