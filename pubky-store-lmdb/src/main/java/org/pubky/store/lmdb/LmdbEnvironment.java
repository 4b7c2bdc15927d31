package org.pubky.store.lmdb;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One LMDB environment and its named databases, with the transaction discipline every store part
 * goes through.
 *
 * <p><b>Buffers.</b> The {@code byte[]} proxy is used because lmdbjava's {@code ByteBuffer} proxy
 * needs {@code --add-opens} JVM flags that an application server operator would have to set.
 *
 * <p><b>Threads.</b> The environment is opened with {@code MDB_NOTLS}, so a read transaction is
 * not tied to a thread's reader slot and pooled request threads cannot exhaust the reader table;
 * a semaphore of {@code max-readers} permits makes excess readers wait instead of failing with
 * {@code MDB_READERS_FULL}. Every transaction is begun, used and ended by one thread inside
 * {@link #read}/{@link #write}; nothing escapes them.
 *
 * <p><b>Writers.</b> LMDB has a single writer; {@link #write} serialises writers with a Java lock
 * (so a waiting writer holds no LMDB resource) and commits the units of concurrent writers
 * together (group commit, each unit in a nested transaction).
 *
 * <p><b>Map growth.</b> {@code mdb_env_set_mapsize} is only safe while this process has no
 * transaction open. Every transaction runs under the shared side of a read-write lock; on
 * {@code MDB_MAP_FULL} the writer aborts, takes the exclusive side (waiting for in-flight reads to
 * end), doubles the map and runs its unit again. {@link #close} takes the same exclusive side, so
 * it waits for in-flight operations.
 *
 * <p><b>Processes.</b> One process owns an environment: an exclusive file lock on
 * {@code pubky-lmdb.lock} refuses a second opener (in this JVM or another).
 */
final class LmdbEnvironment implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LmdbEnvironment.class);
    /** The most units one group commit takes from the queue. */
    static final int MAX_BATCH = 256;

    private final LmdbConfig config;
    private final Env<byte[]> env;
    private final DirectoryLock lock;
    private final ReentrantReadWriteLock mapLock = new ReentrantReadWriteLock();
    private final ReentrantLock writer = new ReentrantLock();
    private final ConcurrentLinkedQueue<WriteRequest<?>> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore readers;
    private final AtomicInteger growths = new AtomicInteger();
    private final AtomicLong commits = new AtomicLong();
    private volatile boolean closed;

    final Dbi<byte[]> meta;
    final Dbi<byte[]> users;
    final Dbi<byte[]> sessions;
    final Dbi<byte[]> grants;
    final Dbi<byte[]> grantsByUser;
    final Dbi<byte[]> bearers;
    final Dbi<byte[]> bearersByGrant;
    final Dbi<byte[]> bearersByExpiry;
    final Dbi<byte[]> tokens;
    final Dbi<byte[]> tokensUnused;
    final Dbi<byte[]> tokensUsed;
    final Dbi<byte[]> replays;
    final Dbi<byte[]> replaysByTime;
    final Dbi<byte[]> entries;
    final Dbi<byte[]> blobRefs;
    final Dbi<byte[]> events;
    final Dbi<byte[]> eventsByUser;

    private LmdbEnvironment(LmdbConfig config, Env<byte[]> env, DirectoryLock lock) {
        this.config = config;
        this.env = env;
        this.lock = lock;
        this.readers = new Semaphore(config.maxReaders());
        List<Dbi<byte[]>> opened = openAll();
        int i = 0;
        meta = opened.get(i++);
        users = opened.get(i++);
        sessions = opened.get(i++);
        grants = opened.get(i++);
        grantsByUser = opened.get(i++);
        bearers = opened.get(i++);
        bearersByGrant = opened.get(i++);
        bearersByExpiry = opened.get(i++);
        tokens = opened.get(i++);
        tokensUnused = opened.get(i++);
        tokensUsed = opened.get(i++);
        replays = opened.get(i++);
        replaysByTime = opened.get(i++);
        entries = opened.get(i++);
        blobRefs = opened.get(i++);
        events = opened.get(i++);
        eventsByUser = opened.get(i);
    }

    /** The database names, in the order of the fields above. */
    static final List<String> NAMES = List.of("meta", "users", "sessions", "grants", "grants-by-user", "bearers",
            "bearers-by-grant", "bearers-by-expiry", "tokens", "tokens-unused", "tokens-used", "replays",
            "replays-by-time", "entries", "blob-refs", "events", "events-by-user");

    static LmdbEnvironment open(LmdbConfig config) {
        DirectoryLock lock = DirectoryLock.acquire(config.dir());
        Env<byte[]> env = null;
        try {
            List<EnvFlags> flags = new ArrayList<>(List.of(EnvFlags.MDB_NOTLS));
            if (config.sync() == LmdbConfig.Sync.META) {
                flags.add(EnvFlags.MDB_NOMETASYNC);
            } else if (config.sync() == LmdbConfig.Sync.NONE) {
                flags.add(EnvFlags.MDB_NOSYNC);
            }
            env = Env.create(ByteArrayProxy.PROXY_BA)
                    .setMapSize(config.mapSize())
                    .setMaxDbs(NAMES.size() + 4)
                    .setMaxReaders(config.maxReaders() + 2)
                    .open(config.dir().toFile(), flags.toArray(EnvFlags[]::new));
            if (env.getMaxKeySize() < Keys.USER_BYTES + Keys.PATH_KEY_BYTES) {
                throw new PubkyException(ErrorCode.STORAGE_FAILURE, "the LMDB library's maximum key size is too small");
            }
            int stale = env.readerCheck();
            if (stale > 0) {
                LOG.info("cleared {} stale LMDB reader slots", stale);
            }
            LmdbEnvironment opened = new LmdbEnvironment(config, env, lock);
            try {
                Meta.checkFormat(opened);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            return opened;
        } catch (LmdbException e) {
            closeAfterFailure(env, lock);
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "cannot open the LMDB environment", e);
        } catch (RuntimeException e) {
            closeAfterFailure(env, lock);
            throw e;
        }
    }

    private static void closeAfterFailure(Env<byte[]> env, DirectoryLock lock) {
        try {
            if (env != null && !env.isClosed()) {
                env.close();
            }
        } finally {
            lock.close();
        }
    }

    private List<Dbi<byte[]>> openAll() {
        // openDbi runs its own write transaction, which may hit MAP_FULL on a tiny map
        while (true) {
            try {
                List<Dbi<byte[]>> out = new ArrayList<>();
                for (String name : NAMES) {
                    out.add(env.openDbi(name, DbiFlags.MDB_CREATE));
                }
                return out;
            } catch (Env.MapFullException e) {
                grow();
            }
        }
    }

    /** Runs {@code body} in a read transaction. */
    <T> T read(Function<Txn<byte[]>, T> body) {
        readers.acquireUninterruptibly();
        try {
            mapLock.readLock().lock();
            try {
                ensureOpen();
                try (Txn<byte[]> txn = env.txnRead()) {
                    return body.apply(txn);
                }
            } finally {
                mapLock.readLock().unlock();
            }
        } catch (LmdbException e) {
            throw failure(e);
        } finally {
            readers.release();
        }
    }

    /**
     * Runs {@code body} as one atomic unit in a write transaction and returns once it is committed
     * (and, with {@code sync=true}, on disk). If {@code body} throws, none of its writes happen and
     * the exception is rethrown here. {@code body} must have no effect outside the transaction: it
     * may run more than once (after a map growth) and on another caller's thread.
     *
     * <p><b>Group commit.</b> Callers queue their units; whoever holds the writer lock runs every
     * queued unit (at most {@value #MAX_BATCH}) in one write transaction, each inside its own nested
     * transaction so that a unit that throws is rolled back alone, and commits once. Concurrent
     * writers thus share one fsync instead of queueing for one each; a lone writer runs its unit
     * directly with no nested transaction.
     */
    <T> T write(Function<Txn<byte[]>, T> body) {
        WriteRequest<T> request = new WriteRequest<>(body);
        queue.add(request);
        while (!request.isDone()) {
            writer.lock();
            try {
                if (!request.isDone()) {
                    runBatch();
                }
            } finally {
                writer.unlock();
            }
        }
        return request.outcome();
    }

    /** Runs and commits the queued units; called with the writer lock held. */
    private void runBatch() {
        List<WriteRequest<?>> batch = new ArrayList<>();
        for (WriteRequest<?> r = queue.poll(); r != null; r = batch.size() < MAX_BATCH ? queue.poll() : null) {
            batch.add(r);
        }
        while (true) {
            mapLock.readLock().lock();
            try {
                ensureOpen();
                boolean anyOk = false;
                try (Txn<byte[]> txn = env.txnWrite()) {
                    for (WriteRequest<?> r : batch) {
                        anyOk |= batch.size() == 1 ? runAlone(r, txn) : runNested(r, txn);
                    }
                    if (anyOk) {
                        txn.commit();
                        commits.incrementAndGet();
                    }
                }
                batch.forEach(WriteRequest::publish);
                return;
            } catch (Env.MapFullException e) {
                // fall through to grow() once the transaction is gone and the lock released
            } catch (LmdbException e) {
                failAll(batch, failure(e));
                return;
            } catch (RuntimeException e) {
                failAll(batch, e);
                return;
            } finally {
                mapLock.readLock().unlock();
            }
            try {
                grow();
            } catch (RuntimeException e) {
                failAll(batch, e);
                return;
            }
        }
    }

    private static boolean runAlone(WriteRequest<?> r, Txn<byte[]> txn) {
        try {
            r.stage(txn);
            return true;
        } catch (Env.MapFullException e) {
            throw e;
        } catch (LmdbException e) {
            r.stageFailure(failure(e));
        } catch (RuntimeException e) {
            r.stageFailure(e);
        }
        return false;
    }

    private boolean runNested(WriteRequest<?> r, Txn<byte[]> parent) {
        try (Txn<byte[]> child = env.txn(parent)) {
            r.stage(child);
            child.commit();
            return true;
        } catch (Env.MapFullException e) {
            throw e;
        } catch (LmdbException e) {
            r.stageFailure(failure(e));
        } catch (RuntimeException e) {
            r.stageFailure(e);
        }
        return false;
    }

    private static void failAll(List<WriteRequest<?>> batch, RuntimeException e) {
        for (WriteRequest<?> r : batch) {
            // each caller gets its own exception object, so stack traces do not interleave
            r.fail(e instanceof PubkyException p ? new PubkyException(p.code(), p.getMessage(), p)
                    : new PubkyException(ErrorCode.STORAGE_FAILURE, "LMDB write failed", e));
        }
    }

    private void grow() {
        mapLock.writeLock().lock();
        try {
            ensureOpen();
            long current = env.info().mapSize;
            if (current >= config.maxMapSize()) {
                throw new PubkyException(ErrorCode.STORAGE_FAILURE,
                        "the LMDB map is full and has reached max-map-size");
            }
            long next = Math.min(config.maxMapSize(), Math.max(current * 2, current + LmdbConfig.GRANULE));
            env.setMapSize(next);
            growths.incrementAndGet();
            LOG.info("LMDB map grown from {} to {} bytes", current, next);
        } catch (LmdbException e) {
            throw failure(e);
        } finally {
            mapLock.writeLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "the LMDB store is closed");
        }
    }

    private static PubkyException failure(LmdbException e) {
        return new PubkyException(ErrorCode.STORAGE_FAILURE, "LMDB operation failed", e);
    }

    /** The current map size in bytes. */
    long mapSize() {
        mapLock.readLock().lock();
        try {
            ensureOpen();
            return env.info().mapSize;
        } finally {
            mapLock.readLock().unlock();
        }
    }

    /** How many times the map has grown since opening. */
    int growths() {
        return growths.get();
    }

    /** How many units wait for the next group commit. */
    int queued() {
        return queue.size();
    }

    /** How many write transactions have been committed since opening (one per group commit). */
    long commits() {
        return commits.get();
    }

    LmdbConfig config() {
        return config;
    }

    boolean isClosed() {
        return closed;
    }

    /** Copies a consistent snapshot of the environment into an empty directory (hot backup). */
    void copyTo(java.nio.file.Path target) {
        mapLock.readLock().lock();
        try {
            ensureOpen();
            Files.createDirectories(target);
            env.copy(target.toFile());
        } catch (IOException | LmdbException e) {
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "LMDB backup failed", e);
        } finally {
            mapLock.readLock().unlock();
        }
    }

    /** Waits for in-flight operations, flushes and closes; idempotent. */
    @Override
    public void close() {
        writer.lock();
        try {
            mapLock.writeLock().lock();
            try {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    if (config.sync() != LmdbConfig.Sync.FULL) {
                        env.sync(true);
                    }
                    env.close();
                } finally {
                    lock.close();
                }
            } finally {
                mapLock.writeLock().unlock();
            }
        } finally {
            writer.unlock();
        }
    }
}
