package org.pubky.store.lmdb;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.storage.EntryStore;
import org.pubky.spi.storage.EventLog;
import org.pubky.spi.storage.GrantStore;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.ReplayStore;
import org.pubky.spi.storage.SessionStore;
import org.pubky.spi.storage.SignupTokenStore;
import org.pubky.spi.storage.StoreCapability;
import org.pubky.spi.storage.UnitProbe;
import org.pubky.spi.storage.UserStore;

/**
 * A {@link MetadataStore} in one LMDB environment (lmdbjava, {@code byte[]} buffers, so no JVM
 * flags are needed).
 *
 * <p><b>Atomicity and durability.</b> Each atomic unit of the SPI is one LMDB write transaction;
 * with {@code sync=true} (the default) a unit is on disk when the call returns. LMDB has a single
 * writer, so units are serialised; reads run in parallel on MVCC snapshots and never wait for the
 * writer.
 *
 * <p><b>Threads.</b> Every method may be called from any thread. Event-log listeners are called on
 * one dispatcher thread made by the host's {@link ThreadFactory} service when it supplies one.
 *
 * <p><b>Processes.</b> One process at a time: a second opener of the same directory fails with
 * {@code STORAGE_FAILURE}. Not {@link StoreCapability#CROSS_INSTANCE_NOTIFICATIONS}.
 *
 * <p><b>Closing.</b> {@link #close()} waits for in-flight operations, is idempotent, and makes later
 * calls fail with {@code STORAGE_FAILURE}.
 */
public final class LmdbMetadataStore implements MetadataStore {
    private final LmdbEnvironment env;
    private final EventNotifier notifier;
    private final LmdbUserStore users;
    private final LmdbSessionStore sessions;
    private final LmdbGrantStore grants;
    private final LmdbSignupTokenStore tokens;
    private final LmdbReplayStore replays;
    private final LmdbEntryStore entries;
    private final LmdbEventLog events;

    private LmdbMetadataStore(LmdbEnvironment env, UnitProbe probe, ThreadFactory threads) {
        this.env = env;
        this.notifier = new EventNotifier(threads);
        this.users = new LmdbUserStore(env, probe);
        this.sessions = new LmdbSessionStore(env);
        this.grants = new LmdbGrantStore(env, probe);
        this.tokens = new LmdbSignupTokenStore(env);
        this.replays = new LmdbReplayStore(env);
        this.events = new LmdbEventLog(env, notifier);
        this.entries = new LmdbEntryStore(env, probe, events);
    }

    /**
     * Opens (creating if needed) the store configured by {@code config}; see
     * {@link LmdbMetadataStoreProvider} for the keys.
     *
     * @throws org.pubky.spi.PubkyException {@code MALFORMED_INPUT} for bad configuration,
     *     {@code UNSUPPORTED} without a directory, {@code STORAGE_FAILURE} if LMDB cannot open it
     */
    public static LmdbMetadataStore open(ProviderContext context, Map<String, String> config) {
        requireNonNull(context, "context is null");
        requireNonNull(config, "config is null");
        LmdbEnvironment env = LmdbEnvironment.open(LmdbConfig.parse(context, config));
        UnitProbe probe = context.service(UnitProbe.class).orElse(UnitProbe.NONE);
        ThreadFactory threads = context.service(ThreadFactory.class).orElseGet(LmdbMetadataStore::daemonThreads);
        return new LmdbMetadataStore(env, probe, threads);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "pubky-lmdb-events-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public GrantStore grants() {
        return grants;
    }

    @Override
    public SignupTokenStore signupTokens() {
        return tokens;
    }

    @Override
    public ReplayStore replays() {
        return replays;
    }

    @Override
    public EntryStore entries() {
        return entries;
    }

    @Override
    public EventLog events() {
        return events;
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return Set.of(StoreCapability.DURABLE);
    }

    /** The LMDB map size now; it doubles whenever a unit does not fit. */
    public long mapSize() {
        return env.mapSize();
    }

    /** How many times the map has grown since this store was opened. */
    public int mapGrowths() {
        return env.growths();
    }

    /** How many LMDB write transactions were committed since opening; below the unit count under group commit. */
    public long commits() {
        return env.commits();
    }

    /**
     * Writes a consistent copy of the whole environment into {@code target} (an empty or new
     * directory) while the store keeps serving: a hot backup, like {@code mdb_copy}.
     */
    public void backupTo(Path target) {
        env.copyTo(requireNonNull(target, "target is null"));
    }

    LmdbEnvironment environment() {
        return env;
    }

    @Override
    public void close() {
        notifier.close();
        env.close();
    }
}
