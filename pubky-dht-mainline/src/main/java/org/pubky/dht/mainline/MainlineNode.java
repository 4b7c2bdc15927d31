package org.pubky.dht.mainline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.pubky.dht.mainline.routing.AddressVotes;
import org.pubky.dht.mainline.routing.Bep42;
import org.pubky.dht.mainline.routing.NodeId;
import org.pubky.dht.mainline.routing.NodeInfo;
import org.pubky.dht.mainline.routing.RoutingTable;
import org.pubky.dht.mainline.storage.ItemStorage;
import org.pubky.dht.mainline.storage.PeerStorage;
import org.pubky.dht.mainline.storage.TokenSecrets;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.dht.MutableItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Mainline DHT node on one UDP socket (IPv4): KRPC ping, find_node, get_peers, announce_peer,
 * get and put (BEP 5, 44) as client and server, BEP 42 secure ids and external-address voting,
 * BEP 43 read-only mode, iterative lookups and stores to the closest nodes.
 *
 * <p>Threads (daemon, named {@code pubky-dht-<port>-…}): a receiver that handles every datagram, a
 * scheduler for timeouts, maintenance and internal continuations, and a small pool that completes
 * the futures this class returns (so callers' callbacks never run on the receiver). Do not block
 * in those callbacks. All stop on {@link #close()}, which also fails pending futures with
 * {@link ErrorCode#UNAVAILABLE}.
 *
 * <p>Thread-safe. Operations return at once; their futures fail with {@link PubkyException}:
 * {@link ErrorCode#TIMEOUT} when no node answered, {@link ErrorCode#UNAVAILABLE} when the node
 * knows no other node at all (or is closed), and the codes of {@link PutOutcome#decide} for
 * stores.
 */
public final class MainlineNode implements AutoCloseable {
    /** Largest datagram handled; anything bigger is dropped (a full BEP 44 answer is ~1.7 KB). */
    public static final int MAX_DATAGRAM_BYTES = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(MainlineNode.class);

    private final NodeConfig config;
    private final DatagramChannel channel;
    private final InetSocketAddress localAddress;
    private final SecureRandom random = new SecureRandom();
    private final NodeMetrics metrics = new NodeMetrics();
    private final RoutingTable table;
    private final AddressVotes votes = new AddressVotes(3, 64);
    private final ItemStorage storage;
    private final PeerStorage peers;
    private final TokenSecrets tokens;
    private final RateLimiter limiter;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ThreadPoolExecutor completions;
    private final ThreadPoolExecutor resolver;
    private final Transactions transactions;
    private final Receiver receiver;
    private final Thread receiverThread;
    private final Maintenance maintenance;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<CompletableFuture<?>> outstanding = ConcurrentHashMap.newKeySet();
    private final Set<InetSocketAddress> probing = ConcurrentHashMap.newKeySet();
    private final Object sendLock = new Object();
    private final long startNanos = System.nanoTime();
    private volatile NodeId id;
    private volatile boolean serving;
    private volatile InetSocketAddress externalAddress;
    private volatile List<InetSocketAddress> bootstrapAddresses = List.of();
    private final CompletableFuture<List<InetSocketAddress>> firstResolution;

    private MainlineNode(NodeConfig config, DatagramChannel channel) throws IOException {
        this.config = config;
        this.channel = channel;
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
        this.id = config.nodeId().orElseGet(() -> NodeId.random(random));
        this.serving = config.mode() == Mode.SERVER;
        this.table = new RoutingTable(id, config.staleAfter().toMillis());
        this.storage = new ItemStorage(config.maxMutableItems(), config.maxImmutableItems());
        this.peers = new PeerStorage(config.maxInfoHashes(), config.maxPeersPerInfoHash());
        this.tokens = new TokenSecrets(random, config.clock()::millis, config.tokenRotation().toMillis());
        this.limiter = new RateLimiter(config.rateLimit(), config.rateBurst(), 10_000);
        String prefix = "pubky-dht-" + localAddress.getPort() + "-";
        this.scheduler = new ScheduledThreadPoolExecutor(1, threads(prefix + "scheduler"));
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.completions = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads(prefix + "callbacks"));
        this.completions.allowCoreThreadTimeOut(true);
        this.resolver = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads(prefix + "resolver"));
        this.resolver.allowCoreThreadTimeOut(true);
        this.transactions = new Transactions(config.tidLength(), scheduler, metrics, random);
        this.receiver = new Receiver(this, channel);
        this.receiverThread = threads(prefix + "receiver").newThread(receiver);
        this.maintenance = new Maintenance(this);
        this.firstResolution = resolveBootstrap();
    }

    /**
     * Binds the socket, starts the threads and, if bootstrap nodes are configured, joins the
     * network in the background (look at {@link #bootstrap()} to wait for that).
     *
     * @throws PubkyException {@link ErrorCode#UNAVAILABLE} if no UDP socket can be bound
     */
    public static MainlineNode start(NodeConfig config) {
        requireNonNull(config, "config is null");
        DatagramChannel channel = bind(config);
        MainlineNode node;
        try {
            node = new MainlineNode(config, channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new PubkyException(ErrorCode.UNAVAILABLE, "DHT socket failed", e);
        }
        node.receiverThread.start();
        node.maintenance.schedule(config.maintenanceInterval().toMillis());
        if (!config.bootstrap().isEmpty()) {
            node.runInternal(() -> node.bootstrap());
        }
        LOG.info("DHT node {} listening on {} ({} mode)", node.id, node.localAddress, config.mode());
        return node;
    }

    private static DatagramChannel bind(NodeConfig config) {
        try {
            DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
            try {
                channel.bind(new InetSocketAddress(config.bind(), config.port()));
            } catch (BindException e) {
                if (config.port() == 0) {
                    throw e;
                }
                LOG.warn("DHT port {} is taken; using a free port instead", config.port());
                channel.bind(new InetSocketAddress(config.bind(), 0));
            }
            return channel;
        } catch (IOException e) {
            throw new PubkyException(ErrorCode.UNAVAILABLE, "cannot bind the DHT UDP socket", e);
        }
    }

    // ---- state ---------------------------------------------------------------------------------

    /** This node's current id (changes once if the external address demands a BEP 42 id). */
    public NodeId id() {
        return id;
    }

    /** The bound socket address. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** The configured mode. */
    public Mode mode() {
        return config.mode();
    }

    /** True while the node answers queries (server mode, or adaptive after it was promoted). */
    public boolean isServing() {
        return serving;
    }

    /** Our address as the network sees it, once responders agree on it (BEP 42 {@code ip} votes). */
    public Optional<InetSocketAddress> externalAddress() {
        return Optional.ofNullable(externalAddress);
    }

    /** The routing table (thread-safe; adding a node directly trusts the caller, as testnets do). */
    public RoutingTable routingTable() {
        return table;
    }

    /** What this node stores for others. */
    public ItemStorage storage() {
        return storage;
    }

    public NodeMetrics metrics() {
        return metrics;
    }

    public NodeConfig config() {
        return config;
    }

    /** The address other nodes on this host reach us at ({@code 127.0.0.1} when bound to the wildcard). */
    public InetSocketAddress reachableAddress() {
        InetAddress a = localAddress.getAddress();
        if (a.isAnyLocalAddress()) {
            a = InetAddress.getLoopbackAddress();
        }
        return new InetSocketAddress(a, localAddress.getPort());
    }

    // ---- operations ----------------------------------------------------------------------------

    /** Pings {@code address}; completes with its id (and the node enters the routing table). */
    public CompletableFuture<NodeId> ping(InetSocketAddress address) {
        CompletableFuture<NodeId> f = new CompletableFuture<>();
        sendQuery(address, "ping", Operations::idOnly, new ResponseHandler() {
            @Override
            public void onResponse(Response r) {
                f.complete(r.id());
            }

            @Override
            public void onError(int code, String message) {
                f.completeExceptionally(new PubkyException(ErrorCode.UNAVAILABLE, "ping answered with error " + code));
            }

            @Override
            public void onTimeout() {
                f.completeExceptionally(new PubkyException(ErrorCode.TIMEOUT, "no answer to ping from " + address));
            }
        });
        return user(f);
    }

    /**
     * Joins (or refreshes) the network: resolves the bootstrap list and looks up our own id,
     * always asking the bootstrap nodes too. Completes with the closest nodes found.
     */
    public CompletableFuture<List<NodeInfo>> bootstrap() {
        maintenance.refreshed(nowMillis());
        return user(resolveBootstrap().thenCompose(addresses -> operations().findNode(id, true)));
    }

    /** An iterative {@code find_node}: the nodes closest to {@code target}. */
    public CompletableFuture<List<NodeInfo>> findNode(NodeId target) {
        return user(firstResolution.thenCompose(x -> operations().findNode(target, false)));
    }

    /**
     * The most recent mutable item under {@code key} and {@code salt}: every answer is verified
     * (signature, target) and the highest {@code seq} wins, ties going to the larger value.
     * Includes what this node stores itself.
     *
     * @param salt the BEP 44 salt or {@code null}
     * @param newerThan only items with a higher {@code seq} count (sent as the {@code get} seq)
     */
    public CompletableFuture<Optional<MutableItem>> getMutable(byte[] key, byte[] salt, OptionalLong newerThan) {
        return user(firstResolution.thenCompose(x -> operations().getMutable(key, salt, newerThan)));
    }

    /**
     * Stores a signed mutable item on the closest nodes (each with its token), and here when serving.
     *
     * @param cas fail with {@link ErrorCode#CONFLICT} unless the stored {@code seq} is this
     */
    public CompletableFuture<PutOutcome> putMutable(MutableItem item, OptionalLong cas) {
        return user(firstResolution.thenCompose(x -> operations().putMutable(item, cas)));
    }

    /** The immutable value (bencoded) whose SHA-1 is {@code target}, if found. */
    public CompletableFuture<Optional<byte[]>> getImmutable(NodeId target) {
        return user(firstResolution.thenCompose(x -> operations().getImmutable(target)));
    }

    /** Stores an immutable bencoded value (≤ 1000 bytes) under its SHA-1. */
    public CompletableFuture<PutOutcome> putImmutable(byte[] bencodedValue) {
        return user(firstResolution.thenCompose(x -> operations().putImmutable(bencodedValue)));
    }

    /** Peers announced for {@code infoHash} (BEP 5 {@code get_peers}). */
    public CompletableFuture<List<InetSocketAddress>> getPeers(NodeId infoHash) {
        return user(firstResolution.thenCompose(x -> operations().getPeers(infoHash)));
    }

    /** Announces this host as a peer for {@code infoHash}; {@code port} 0 means "the port you see" (implied). */
    public CompletableFuture<PutOutcome> announcePeer(NodeId infoHash, int port) {
        return user(firstResolution.thenCompose(x -> operations().announcePeer(infoHash, port)));
    }

    /** Stops the threads and closes the socket; pending futures fail with UNAVAILABLE. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(channel);
        scheduler.shutdownNow();
        resolver.shutdownNow();
        transactions.drain();
        PubkyException failure = new PubkyException(ErrorCode.UNAVAILABLE, "the DHT node is closed");
        for (CompletableFuture<?> f : List.copyOf(outstanding)) {
            f.completeExceptionally(failure);
        }
        completions.shutdown();
        try {
            receiverThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("DHT node on {} closed", localAddress);
    }

    // ---- internals used by the other classes of this package -----------------------------------

    Operations operations() {
        return new Operations(this);
    }

    boolean isClosed() {
        return closed.get();
    }

    long nowMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    Transactions transactions() {
        return transactions;
    }

    TokenSecrets tokens() {
        return tokens;
    }

    PeerStorage peers() {
        return peers;
    }

    Receiver receiver() {
        return receiver;
    }

    void scheduleAtFixedRate(Runnable task, long periodMillis, TimeUnit unit) {
        scheduler.scheduleAtFixedRate(task, periodMillis, periodMillis, unit);
    }

    boolean allowQuery(InetSocketAddress from) {
        return limiter.allow(from.getAddress(), System.nanoTime());
    }

    /** Sends a query; {@code handler} hears exactly once what became of it. */
    void sendQuery(InetSocketAddress to, String method, QueryArgs args, ResponseHandler handler) {
        if (closed.get()) {
            return;
        }
        byte[] tid = transactions.register(to, handler, config.requestTimeout().toMillis());
        byte[] message = org.pubky.dht.mainline.krpc.KrpcWriter.query(tid, method, !serving, w -> args.write(w, id));
        metrics.querySent();
        if (!send(message, to)) {
            transactions.abandon(tid);
        }
    }

    boolean send(byte[] message, InetSocketAddress to) {
        try {
            synchronized (sendLock) {
                channel.send(ByteBuffer.wrap(message), to);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            metrics.sendFailed();
            LOG.debug("DHT send to {} failed", to, e);
            return false;
        }
    }

    /** Runs {@code task} on the scheduler; dropped once the node is closed. */
    void runInternal(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.trace("node closed; task dropped");
        }
    }

    /** A query's sender that is not in the table yet: ping it, so it enters once it answers us. */
    void learn(NodeId sender, InetSocketAddress from) {
        if (!table.hasRoomFor(sender) || probing.size() > 256 || !probing.add(from)) {
            return;
        }
        sendQuery(from, "ping", Operations::idOnly, new ResponseHandler() {
            @Override
            public void onResponse(Response response) {
                probing.remove(from);
            }

            @Override
            public void onError(int code, String message) {
                probing.remove(from);
            }

            @Override
            public void onTimeout() {
                probing.remove(from);
            }
        });
    }

    boolean isOwnAddress(InetSocketAddress a) {
        if (a.getPort() != localAddress.getPort()) {
            return false;
        }
        InetAddress ip = a.getAddress();
        return ip.isLoopbackAddress() || ip.isAnyLocalAddress() || ip.equals(localAddress.getAddress())
                || (externalAddress != null && a.equals(externalAddress));
    }

    /** A responder told us how it sees our address. */
    void addressVote(InetSocketAddress voter, InetSocketAddress seen) {
        Optional<InetSocketAddress> winner = votes.vote(voter, seen);
        if (winner.isPresent() && !winner.get().equals(externalAddress)) {
            externalAddressChanged(winner.get());
        }
    }

    private void externalAddressChanged(InetSocketAddress address) {
        externalAddress = address;
        LOG.info("DHT node on {}: external address {}", localAddress, address);
        Inet4Address ip = (Inet4Address) address.getAddress();
        if (config.nodeId().isEmpty() && !Bep42.isValid(id, ip)) {
            NodeId secure = Bep42.secureId(ip, random);
            LOG.info("DHT node id {} is not BEP 42 secure for {}; now {}", id, ip.getHostAddress(), secure);
            id = secure;
            table.rebase(secure);
        }
        if (config.mode() == Mode.ADAPTIVE && !serving) {
            maintenance.checkReachability(address);
        }
    }

    /** A query carrying our own id arrived: our reachability ping if its tid is one we wait for. */
    void ownQueryReceived(org.pubky.core.bencode.BencodeString tid) {
        if (transactions.isOutstanding(tid)) {
            maintenance.reachable(nowMillis());
        }
    }

    void promoteToServer() {
        if (!serving) {
            serving = true;
            LOG.info("DHT node on {} is reachable at {}: now answering queries (server mode)", localAddress, externalAddress);
        }
    }

    List<InetSocketAddress> bootstrapAddresses() {
        return bootstrapAddresses;
    }

    /** Resolves the bootstrap list (IPv4, on the resolver thread); unresolvable entries are skipped. */
    CompletableFuture<List<InetSocketAddress>> resolveBootstrap() {
        if (config.bootstrap().isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletableFuture<List<InetSocketAddress>> f = new CompletableFuture<>();
        try {
            resolver.execute(() -> {
                List<InetSocketAddress> out = new ArrayList<>();
                for (String entry : config.bootstrap()) {
                    String[] hp = NodeConfig.hostPort(entry);
                    try {
                        for (InetAddress a : InetAddress.getAllByName(hp[0])) {
                            if (a instanceof Inet4Address) {
                                InetSocketAddress s = new InetSocketAddress(a, Integer.parseInt(hp[1]));
                                if (!isOwnAddress(s)) {
                                    out.add(s);
                                }
                                break;
                            }
                        }
                    } catch (IOException e) {
                        LOG.debug("DHT bootstrap node {} does not resolve", entry);
                    }
                }
                if (out.isEmpty()) {
                    LOG.warn("none of the DHT bootstrap nodes {} resolves", config.bootstrap());
                }
                bootstrapAddresses = List.copyOf(out);
                f.complete(bootstrapAddresses);
            });
        } catch (RejectedExecutionException e) {
            f.complete(List.of());
        }
        return f;
    }

    /** A future the caller sees: completed on the callback pool, failed with UNAVAILABLE on close. */
    private <T> CompletableFuture<T> user(CompletableFuture<T> internal) {
        CompletableFuture<T> out = new CompletableFuture<>();
        if (closed.get()) {
            out.completeExceptionally(new PubkyException(ErrorCode.UNAVAILABLE, "the DHT node is closed"));
            return out;
        }
        outstanding.add(out);
        internal.whenComplete((value, failure) -> {
            Runnable complete = () -> {
                outstanding.remove(out);
                if (failure != null) {
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    out.completeExceptionally(cause);
                } else {
                    out.complete(value);
                }
            };
            try {
                completions.execute(complete);
            } catch (RejectedExecutionException e) {
                complete.run();
            }
        });
        return out;
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, n.getAndIncrement() == 0 ? name : name + "-" + n.get());
            t.setDaemon(true);
            return t;
        };
    }

    private static void closeQuietly(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing the DHT socket failed", e);
        }
    }

    @Override
    public String toString() {
        return "MainlineNode[" + id + " @ " + localAddress + (serving ? ", server" : ", client") + "]";
    }
}
