package org.pubky.dht.mainline;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pubky.core.config.PubkyConfig;
import org.pubky.dht.mainline.routing.NodeId;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Settings of a {@link MainlineNode}. Build with {@link #builder()} or from provider
 * configuration with {@link #fromMap}; every setting has a default (see {@code docs/dht.md}).
 *
 * @param bind local address to bind ({@code 0.0.0.0} by default)
 * @param port UDP port; 0 picks a free one; a taken non-zero port falls back to a free one (logged)
 * @param bootstrap {@code host:port} entries used when the routing table is (nearly) empty
 * @param mode client, server or adaptive
 * @param requestTimeout how long one KRPC query waits for its answer
 * @param tidLength length of the transaction ids we send: 4 (pkarr ≥ 5, mainline ≥ 6) or 2 (older nodes)
 * @param concurrency queries one lookup keeps in flight at most
 * @param rateLimit incoming queries per second allowed per IP (0 = unlimited)
 * @param rateBurst queries an IP may send at once
 * @param maxMutableItems LRU capacity for BEP 44 mutable items
 * @param maxImmutableItems LRU capacity for BEP 44 immutable items
 * @param maxInfoHashes LRU capacity for BEP 5 info hashes
 * @param maxPeersPerInfoHash peers kept per info hash
 * @param tokenRotation how often the token secret rotates (a token stays valid up to twice this)
 * @param maintenanceInterval how often the node checks its routing table
 * @param staleAfter a node not heard from for this long is pinged and becomes replaceable
 * @param refreshInterval how often the node looks itself up to refresh the table
 * @param adaptiveDelay how long an adaptive node must be reachable before it becomes a server
 * @param nodeId a fixed id (else a random one, replaced by a BEP 42 id once the external address is known)
 * @param clock the wall clock (token rotation)
 */
public record NodeConfig(
        InetAddress bind,
        int port,
        List<String> bootstrap,
        Mode mode,
        Duration requestTimeout,
        int tidLength,
        int concurrency,
        double rateLimit,
        double rateBurst,
        int maxMutableItems,
        int maxImmutableItems,
        int maxInfoHashes,
        int maxPeersPerInfoHash,
        Duration tokenRotation,
        Duration maintenanceInterval,
        Duration staleAfter,
        Duration refreshInterval,
        Duration adaptiveDelay,
        Optional<NodeId> nodeId,
        Clock clock) {

    /** The public routers the Rust node bootstraps from. */
    public static final List<String> DEFAULT_BOOTSTRAP = List.of(
            "router.bittorrent.com:6881", "dht.transmissionbt.com:6881", "dht.libtorrent.org:25401", "relay.pkarr.org:6881");

    /** Keys {@link #fromMap} understands. */
    public static final Set<String> KEYS = Set.of("bind", "port", "bootstrap", "mode", "request-timeout", "tid-length",
            "concurrency", "rate-limit", "rate-burst", "max-mutable-items", "max-immutable-items", "max-info-hashes",
            "max-peers-per-info-hash", "token-rotation", "maintenance-interval", "stale-after", "refresh-interval",
            "adaptive-delay", "node-id");

    public NodeConfig {
        requireNonNull(bind, "bind is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(clock, "clock is null");
        bootstrap = List.copyOf(bootstrap);
        for (String b : bootstrap) {
            hostPort(b);
        }
        if (port < 0 || port > 65535) {
            throw invalid("port must be 0..65535");
        }
        if (tidLength != 2 && tidLength != 4) {
            throw invalid("tid-length must be 2 or 4");
        }
        if (concurrency < 1) {
            throw invalid("concurrency must be at least 1");
        }
        if (rateLimit < 0 || rateBurst < 0) {
            throw invalid("rate-limit and rate-burst must not be negative");
        }
        if (maxMutableItems < 1 || maxImmutableItems < 1 || maxInfoHashes < 1 || maxPeersPerInfoHash < 1) {
            throw invalid("storage capacities must be at least 1");
        }
        for (Duration d : List.of(requestTimeout, tokenRotation, maintenanceInterval, staleAfter, refreshInterval)) {
            if (d.isNegative() || d.isZero()) {
                throw invalid("durations must be positive");
            }
        }
        if (adaptiveDelay.isNegative()) {
            throw invalid("adaptive-delay must not be negative");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This configuration as a builder, to change a few settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bind = bind;
        b.port = port;
        b.bootstrap = bootstrap;
        b.mode = mode;
        b.requestTimeout = requestTimeout;
        b.tidLength = tidLength;
        b.concurrency = concurrency;
        b.rateLimit = rateLimit;
        b.rateBurst = rateBurst;
        b.maxMutableItems = maxMutableItems;
        b.maxImmutableItems = maxImmutableItems;
        b.maxInfoHashes = maxInfoHashes;
        b.maxPeersPerInfoHash = maxPeersPerInfoHash;
        b.tokenRotation = tokenRotation;
        b.maintenanceInterval = maintenanceInterval;
        b.staleAfter = staleAfter;
        b.refreshInterval = refreshInterval;
        b.adaptiveDelay = adaptiveDelay;
        b.nodeId = nodeId;
        b.clock = clock;
        return b;
    }

    /**
     * Reads provider configuration (keys without the {@code pubky.dht.mainline.} prefix).
     * {@code bootstrap} is a comma-separated {@code host:port} list; {@code none} or an empty
     * value means no bootstrap nodes. Durations take {@code 500ms}, {@code 2s}, {@code 15m} or
     * ISO-8601.
     *
     * @throws PubkyException {@link ErrorCode#MALFORMED_INPUT} for an unknown key or a bad value
     */
    public static NodeConfig fromMap(Map<String, String> config, Clock clock) {
        for (String key : config.keySet()) {
            if (!KEYS.contains(key)) {
                throw invalid("unknown DHT setting '" + key + "' (known: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        PubkyConfig c = PubkyConfig.of(config);
        Builder b = builder().clock(clock);
        c.get("bind").ifPresent(v -> b.bind(parseAddress(v)));
        b.port(c.getInt("port", b.port));
        if (config.containsKey("bootstrap")) {
            String v = config.get("bootstrap").strip();
            List<String> list = new ArrayList<>();
            if (!v.isEmpty() && !v.equalsIgnoreCase("none")) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        list.add(part.strip());
                    }
                }
            }
            b.bootstrap(list);
        }
        c.get("mode").ifPresent(v -> {
            try {
                b.mode(Mode.valueOf(v.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw invalid("mode must be client, server or adaptive");
            }
        });
        b.requestTimeout(c.getDuration("request-timeout", b.requestTimeout));
        b.tidLength(c.getInt("tid-length", b.tidLength));
        b.concurrency(c.getInt("concurrency", b.concurrency));
        c.get("rate-limit").ifPresent(v -> b.rateLimit(parseDouble("rate-limit", v)));
        c.get("rate-burst").ifPresent(v -> b.rateBurst(parseDouble("rate-burst", v)));
        b.maxMutableItems(c.getInt("max-mutable-items", b.maxMutableItems));
        b.maxImmutableItems(c.getInt("max-immutable-items", b.maxImmutableItems));
        b.maxInfoHashes(c.getInt("max-info-hashes", b.maxInfoHashes));
        b.maxPeersPerInfoHash(c.getInt("max-peers-per-info-hash", b.maxPeersPerInfoHash));
        b.tokenRotation(c.getDuration("token-rotation", b.tokenRotation));
        b.maintenanceInterval(c.getDuration("maintenance-interval", b.maintenanceInterval));
        b.staleAfter(c.getDuration("stale-after", b.staleAfter));
        b.refreshInterval(c.getDuration("refresh-interval", b.refreshInterval));
        b.adaptiveDelay(c.getDuration("adaptive-delay", b.adaptiveDelay));
        c.get("node-id").ifPresent(v -> {
            try {
                b.nodeId(NodeId.ofHex(v));
            } catch (IllegalArgumentException e) {
                throw invalid("node-id must be 40 hexadecimal digits");
            }
        });
        return b.build();
    }

    /** Splits {@code host:port}; the port must be 1..65535. */
    static String[] hostPort(String entry) {
        int colon = entry.lastIndexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            throw invalid("bootstrap entry '" + entry + "' is not host:port");
        }
        String port = entry.substring(colon + 1);
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) {
                throw invalid("bootstrap entry '" + entry + "' has a port outside 1..65535");
            }
        } catch (NumberFormatException e) {
            throw invalid("bootstrap entry '" + entry + "' has a port that is not a number");
        }
        return new String[] {entry.substring(0, colon), port};
    }

    private static InetAddress parseAddress(String v) {
        try {
            return InetAddress.getByName(v);
        } catch (UnknownHostException e) {
            throw invalid("bind address '" + v + "' does not resolve");
        }
    }

    private static double parseDouble(String key, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw invalid(key + " must be a number");
        }
    }

    private static PubkyException invalid(String message) {
        return new PubkyException(ErrorCode.MALFORMED_INPUT, message);
    }

    /** Collects settings; every one has a default. Not thread-safe. */
    public static final class Builder {
        private InetAddress bind;
        private int port = 6881;
        private List<String> bootstrap = DEFAULT_BOOTSTRAP;
        private Mode mode = Mode.ADAPTIVE;
        private Duration requestTimeout = Duration.ofSeconds(2);
        private int tidLength = 4;
        private int concurrency = 10;
        private double rateLimit = 20;
        private double rateBurst = 40;
        private int maxMutableItems = 1000;
        private int maxImmutableItems = 1000;
        private int maxInfoHashes = 2000;
        private int maxPeersPerInfoHash = 500;
        private Duration tokenRotation = Duration.ofMinutes(5);
        private Duration maintenanceInterval = Duration.ofMinutes(1);
        private Duration staleAfter = Duration.ofMinutes(15);
        private Duration refreshInterval = Duration.ofMinutes(15);
        private Duration adaptiveDelay = Duration.ofMinutes(15);
        private Optional<NodeId> nodeId = Optional.empty();
        private Clock clock = Clock.systemUTC();

        private Builder() {
            try {
                bind = InetAddress.getByAddress(new byte[4]);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        public Builder bind(InetAddress v) {
            bind = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder bootstrap(List<String> v) {
            bootstrap = v;
            return this;
        }

        public Builder mode(Mode v) {
            mode = v;
            return this;
        }

        public Builder requestTimeout(Duration v) {
            requestTimeout = v;
            return this;
        }

        public Builder tidLength(int v) {
            tidLength = v;
            return this;
        }

        public Builder concurrency(int v) {
            concurrency = v;
            return this;
        }

        public Builder rateLimit(double v) {
            rateLimit = v;
            return this;
        }

        public Builder rateBurst(double v) {
            rateBurst = v;
            return this;
        }

        public Builder maxMutableItems(int v) {
            maxMutableItems = v;
            return this;
        }

        public Builder maxImmutableItems(int v) {
            maxImmutableItems = v;
            return this;
        }

        public Builder maxInfoHashes(int v) {
            maxInfoHashes = v;
            return this;
        }

        public Builder maxPeersPerInfoHash(int v) {
            maxPeersPerInfoHash = v;
            return this;
        }

        public Builder tokenRotation(Duration v) {
            tokenRotation = v;
            return this;
        }

        public Builder maintenanceInterval(Duration v) {
            maintenanceInterval = v;
            return this;
        }

        public Builder staleAfter(Duration v) {
            staleAfter = v;
            return this;
        }

        public Builder refreshInterval(Duration v) {
            refreshInterval = v;
            return this;
        }

        public Builder adaptiveDelay(Duration v) {
            adaptiveDelay = v;
            return this;
        }

        public Builder nodeId(NodeId v) {
            nodeId = Optional.of(v);
            return this;
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        public NodeConfig build() {
            return new NodeConfig(bind, port, bootstrap, mode, requestTimeout, tidLength, concurrency, rateLimit, rateBurst,
                    maxMutableItems, maxImmutableItems, maxInfoHashes, maxPeersPerInfoHash, tokenRotation,
                    maintenanceInterval, staleAfter, refreshInterval, adaptiveDelay, nodeId, clock);
        }
    }
}
