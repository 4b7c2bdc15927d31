package org.pubky.dht.mainline;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pubky.dht.mainline.routing.NodeInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic care of a node, run on its scheduler every {@link NodeConfig#maintenanceInterval()}:
 * drop nodes that failed twice in a row, ping nodes not heard from for
 * {@link NodeConfig#staleAfter()} (a timeout marks them failed, an answer refreshes them), look up
 * our own id when the table is empty or every {@link NodeConfig#refreshInterval()}, and in
 * adaptive mode promote the node to server once it has been reachable for
 * {@link NodeConfig#adaptiveDelay()}. Thread-safe.
 */
final class Maintenance implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);
    private static final int MAX_PINGS_PER_ROUND = 32;

    private final MainlineNode node;
    private volatile long lastRefresh = Long.MIN_VALUE / 2;
    private volatile long reachableSince = -1;

    Maintenance(MainlineNode node) {
        this.node = node;
    }

    void schedule(long periodMillis) {
        node.scheduleAtFixedRate(this, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        try {
            long now = node.nowMillis();
            NodeConfig config = node.config();
            node.routingTable().removeFailing(2);
            List<NodeInfo> stale = node.routingTable().questionable(now, config.staleAfter().toMillis());
            for (NodeInfo n : stale.subList(0, Math.min(MAX_PINGS_PER_ROUND, stale.size()))) {
                node.sendQuery(n.address(), "ping", Operations::idOnly, new ResponseHandler() {
                    @Override
                    public void onResponse(Response response) {
                        // the receiver refreshed the entry
                    }

                    @Override
                    public void onError(int code, String message) {
                        // alive, if grumpy
                    }

                    @Override
                    public void onTimeout() {
                        node.routingTable().failed(n.id());
                    }
                });
            }
            if (node.routingTable().size() == 0 || now - lastRefresh >= config.refreshInterval().toMillis()) {
                node.bootstrap().exceptionally(e -> {
                    LOG.debug("DHT refresh failed: {}", e.getMessage());
                    return List.of();
                });
            }
            if (config.mode() == Mode.ADAPTIVE && !node.isServing()) {
                if (reachableSince >= 0 && now - reachableSince >= config.adaptiveDelay().toMillis()) {
                    node.promoteToServer();
                } else if (reachableSince < 0) {
                    node.externalAddress().ifPresent(this::checkReachability);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("DHT maintenance failed", e);
        }
    }

    void refreshed(long now) {
        lastRefresh = now;
    }

    /** Pings our own external address; if the ping reaches us, we are not behind a closed NAT. */
    void checkReachability(InetSocketAddress external) {
        node.sendQuery(external, "ping", Operations::idOnly, new ResponseHandler() {
            @Override
            public void onResponse(Response response) {
            }

            @Override
            public void onError(int code, String message) {
            }

            @Override
            public void onTimeout() {
            }
        });
    }

    void reachable(long now) {
        if (reachableSince < 0) {
            reachableSince = now;
            LOG.debug("DHT node on {} reached itself at its external address", node.localAddress());
        }
        if (node.config().adaptiveDelay().isZero()) {
            node.promoteToServer();
        }
    }
}
