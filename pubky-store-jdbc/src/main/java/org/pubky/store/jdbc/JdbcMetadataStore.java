package org.pubky.store.jdbc;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.pubky.store.jdbc.db.Database;
import org.pubky.store.jdbc.db.Dialect;
import org.pubky.store.jdbc.db.JdbcSettings;
import org.pubky.store.jdbc.db.Migration;
import org.pubky.store.jdbc.db.Migrator;
import org.pubky.store.jdbc.metadata.JdbcEntryStore;
import org.pubky.store.jdbc.metadata.JdbcEventLog;
import org.pubky.store.jdbc.metadata.JdbcGrantStore;
import org.pubky.store.jdbc.metadata.JdbcReplayStore;
import org.pubky.store.jdbc.metadata.JdbcSessionStore;
import org.pubky.store.jdbc.metadata.JdbcSignupTokenStore;
import org.pubky.store.jdbc.metadata.JdbcUserStore;
import org.pubky.store.jdbc.notify.EventNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metadata store on PostgreSQL, MariaDB or H2.
 *
 * <p>All state lives in the database, so any number of instances (in any number of processes) may
 * share one schema: units serialize on the owner's row, event ids become visible in order through a
 * lock held until commit, and signup tokens and single-use values rely on row locks and primary
 * keys. On PostgreSQL, {@code LISTEN/NOTIFY} wakes event subscribers of every instance
 * ({@link StoreCapability#CROSS_INSTANCE_NOTIFICATIONS}); on MariaDB and H2 subscribers wake for
 * this instance's commits, and for others' only through the optional cursor poll.
 *
 * <p>Opening migrates the schema (see {@link Migrator}). Thread-safe; {@link #close} releases the
 * own pool and the listener thread, never a DataSource the host handed in.
 */
public final class JdbcMetadataStore implements MetadataStore {
    /** The migration component of this store's tables. */
    public static final String COMPONENT = "metadata";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcMetadataStore.class);

    private final Database db;
    private final EventNotifier notifier;
    private final JdbcUserStore users;
    private final JdbcSessionStore sessions;
    private final JdbcGrantStore grants;
    private final JdbcSignupTokenStore tokens;
    private final JdbcReplayStore replays;
    private final JdbcEventLog events;
    private final JdbcEntryStore entries;
    private final Set<StoreCapability> capabilities;

    JdbcMetadataStore(Database db, JdbcSettings settings, UnitProbe probe, Clock clock, boolean serializeEvents) {
        this.db = db;
        Migrator.migrate(db, COMPONENT, migrations(db.dialect()), settings.migrate(), clock);
        String channel = db.dialect() == Dialect.POSTGRESQL
                ? "pubky_events" + db.schema().map(s -> "_" + s.toLowerCase(Locale.ROOT)).orElse("")
                : null;
        long poll = settings.notifyPollMillis().orElse(db.dialect() == Dialect.MARIADB ? 1000L : 0L);
        this.notifier = new EventNotifier(db, channel, poll, this::newestCursor);
        this.events = new JdbcEventLog(db, notifier);
        this.users = new JdbcUserStore(db, probe);
        this.sessions = new JdbcSessionStore(db);
        this.grants = new JdbcGrantStore(db, probe);
        this.tokens = new JdbcSignupTokenStore(db);
        this.replays = new JdbcReplayStore(db);
        this.entries = new JdbcEntryStore(db, probe, notifier, serializeEvents);
        EnumSet<StoreCapability> caps = EnumSet.noneOf(StoreCapability.class);
        if (!db.inMemory()) {
            caps.add(StoreCapability.DURABLE);
        }
        if (db.dialect() == Dialect.POSTGRESQL) {
            caps.add(StoreCapability.CROSS_INSTANCE_NOTIFICATIONS);
        }
        this.capabilities = Set.copyOf(caps);
    }

    private long newestCursor() {
        return events.lastCursor();
    }

    /** The schema migrations of this store for {@code dialect}, oldest first. */
    public static List<Migration> migrations(Dialect dialect) {
        return List.of(Migration.load(COMPONENT, dialect, 1, "init"));
    }

    /**
     * Opens a store as the {@code jdbc} provider does: {@code config} holds the keys of the
     * provider's namespace; without a {@code url}, the host's {@code DataSource} is used.
     */
    public static JdbcMetadataStore open(ProviderContext context, Map<String, String> config) {
        JdbcSettings settings = JdbcSettings.parse(config);
        Set<String> unknown = JdbcSettings.unknownKeys(config);
        if (!unknown.isEmpty()) {
            LOG.warn("jdbc metadata store: ignoring unknown settings {}", unknown);
        }
        Database db = Database.open(context, settings, "jdbc metadata store");
        try {
            return new JdbcMetadataStore(db, settings, context.service(UnitProbe.class).orElse(UnitProbe.NONE),
                    context.clock(), true);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The database this store uses (dialect, schema). */
    public Database database() {
        return db;
    }

    @Override
    public UserStore users() {
        db.ensureOpen();
        return users;
    }

    @Override
    public SessionStore sessions() {
        db.ensureOpen();
        return sessions;
    }

    @Override
    public GrantStore grants() {
        db.ensureOpen();
        return grants;
    }

    @Override
    public SignupTokenStore signupTokens() {
        db.ensureOpen();
        return tokens;
    }

    @Override
    public ReplayStore replays() {
        db.ensureOpen();
        return replays;
    }

    @Override
    public EntryStore entries() {
        db.ensureOpen();
        return entries;
    }

    @Override
    public EventLog events() {
        db.ensureOpen();
        return events;
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return capabilities;
    }

    @Override
    public void close() {
        if (!db.isClosed()) {
            notifier.close();
            db.close();
        }
    }
}
