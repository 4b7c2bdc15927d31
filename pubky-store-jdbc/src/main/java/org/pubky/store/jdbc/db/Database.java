package org.pubky.store.jdbc.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.PubkyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database the jdbc stores talk to: its {@link DataSource} (the host's, or an own HikariCP pool
 * built from a URL), its {@link Dialect}, the qualified names of the store's tables, and the two
 * ways work runs on it: {@link #read} (auto-commit) and {@link #transaction} (one transaction,
 * rolled back on any throw, retried whole on deadlocks and serialization failures).
 *
 * <p>Thread-safe. Closing closes the own pool, never a DataSource the host handed in.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Attempts of a transaction that keeps failing with transient contention. */
    private static final int MAX_ATTEMPTS = 12;

    private final DataSource dataSource;
    private final HikariDataSource ownPool;
    private final Dialect dialect;
    private final Optional<String> schema;
    private final String tablePrefix;
    private final String label;
    private final boolean inMemory;
    private final boolean multiStatements;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(DataSource dataSource, HikariDataSource ownPool, Dialect dialect, Optional<String> schema,
            String label, boolean inMemory, boolean multiStatements) {
        this.inMemory = inMemory;
        this.multiStatements = multiStatements;
        this.dataSource = dataSource;
        this.ownPool = ownPool;
        this.dialect = dialect;
        this.schema = schema;
        this.tablePrefix = schema.map(s -> s + ".").orElse("") + "pubky_";
        this.label = label;
    }

    /**
     * Connects as {@code settings} say: an own pool when a URL is configured, else the host's
     * {@code DataSource} from {@code context}.
     *
     * @throws PubkyException {@code MALFORMED_INPUT} when there is neither; {@code STORAGE_FAILURE}
     *     when the database cannot be reached; {@code UNSUPPORTED} for another database product
     */
    public static Database open(ProviderContext context, JdbcSettings settings, String label) {
        if (settings.url().isPresent()) {
            HikariDataSource pool = createPool(settings, label);
            try {
                return connect(pool, pool, settings, label);
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        }
        DataSource given = context.service(DataSource.class).orElseThrow(() -> new PubkyException(
                ErrorCode.MALFORMED_INPUT, "the jdbc store needs a 'url' setting or a DataSource from the host"));
        return connect(given, null, settings, label);
    }

    /** Wraps an existing DataSource (tests and embedding code); the caller keeps ownership of it. */
    public static Database wrap(DataSource dataSource, JdbcSettings settings, String label) {
        return connect(dataSource, null, settings, label);
    }

    private static Database connect(DataSource ds, HikariDataSource ownPool, JdbcSettings settings, String label) {
        Dialect dialect;
        boolean inMemory;
        boolean multi;
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            dialect = Dialect.detect(md);
            inMemory = dialect == Dialect.H2 && String.valueOf(md.getURL()).startsWith("jdbc:h2:mem:");
            multi = dialect != Dialect.H2 && acceptsMultiStatements(c);
            LOG.info("{}: {} {} ({}{})", label, md.getDatabaseProductName(), md.getDatabaseProductVersion(),
                    ownPool != null ? "own pool of " + settings.poolSize() : "host DataSource",
                    multi || dialect == Dialect.H2 ? "" : "; allowMultiQueries=true on the DataSource would save "
                            + "round trips");
        } catch (SQLException e) {
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "cannot connect to the database", e);
        }
        return new Database(ds, ownPool, dialect, settings.schema(), label, inMemory, multi);
    }

    /**
     * Whether the driver runs several {@code ;}-separated statements of one prepared statement
     * (pgjdbc always; MariaDB Connector/J with {@code allowMultiQueries=true}).
     */
    private static boolean acceptsMultiStatements(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("SELECT ?; SELECT 2")) {
            ps.setInt(1, 1);
            ps.execute();
            return ps.getMoreResults();
        } catch (SQLException e) {
            return false;
        }
    }

    private static HikariDataSource createPool(JdbcSettings settings, String label) {
        String url = settings.url().orElseThrow();
        Properties p = new Properties();
        p.setProperty("jdbcUrl", url);
        settings.user().ifPresent(u -> p.setProperty("username", u));
        settings.password().ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("maximumPoolSize", Integer.toString(settings.poolSize()));
        p.setProperty("connectionTimeout", Long.toString(settings.connectionTimeoutMillis()));
        p.setProperty("poolName", "pubky-" + label);
        p.setProperty("transactionIsolation", "TRANSACTION_READ_COMMITTED");
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            // lets a unit send its statements in two round trips instead of five; every statement
            // of this store is parameterized, so stacked queries open no injection path
            p.setProperty("dataSource.allowMultiQueries", "true");
        }
        if (url.startsWith("jdbc:h2:")) {
            // H2 waits only 1 s for a row lock by default; units queue on the event lock longer
            // than that under load, and a timeout would only cost a retry
            p.setProperty("connectionInitSql", "SET LOCK_TIMEOUT 10000");
        }
        p.putAll(settings.poolProperties());
        try {
            return new HikariDataSource(new HikariConfig(p));
        } catch (RuntimeException e) {
            // Hikari's message can quote the URL; keep it in the cause only
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "cannot open a connection pool for the jdbc store",
                    e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** True for an H2 in-memory database, whose data ends with the last connection. */
    public boolean inMemory() {
        return inMemory;
    }

    /**
     * True if one prepared statement may carry several statements (one round trip for all); each
     * still runs with its own READ COMMITTED snapshot, after the one before it finished.
     */
    public boolean multiStatements() {
        return multiStatements;
    }

    /** The schema (MariaDB: database) holding the tables, if configured. */
    public Optional<String> schema() {
        return schema;
    }

    /** The qualified name of the store's table {@code name}: {@code [schema.]pubky_name}. */
    public String table(String name) {
        return tablePrefix + name;
    }

    /** The prefix every table name starts with, {@code [schema.]pubky_}. */
    public String tablePrefix() {
        return tablePrefix;
    }

    /** The DataSource, for the few callers that manage a connection themselves (listeners, locks). */
    public DataSource dataSource() {
        ensureOpen();
        return dataSource;
    }

    /** Runs {@code work} on a connection in auto-commit mode. */
    public <T> T read(SqlWork<T> work) {
        ensureOpen();
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.run(c);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Runs {@code work} in one transaction and commits it. Any throw rolls the transaction back
     * and is rethrown as is (a {@link SQLException} as {@code STORAGE_FAILURE}); a deadlock,
     * serialization failure or lock timeout runs the whole of {@code work} again, after a short
     * random pause, up to a bound. {@code work} must therefore have no effects outside the
     * connection.
     */
    public <T> T transaction(SqlWork<T> work) {
        ensureOpen();
        for (int attempt = 1;; attempt++) {
            try {
                return once(work);
            } catch (SQLException e) {
                if (attempt < MAX_ATTEMPTS && dialect.isRetryable(e)) {
                    LOG.debug("{}: transient contention, retrying (attempt {})", label, attempt, e);
                    long maxMicros = 500L << Math.min(attempt, 6);
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(100, maxMicros) * 1000L);
                    continue;
                }
                throw failure(e);
            }
        }
    }

    /**
     * Runs {@code work} in one transaction without retrying, for work that consumes input it
     * cannot replay (a blob upload). Any throw rolls back and is rethrown as is.
     */
    public <T> T transactionOnce(SqlWork<T> work) {
        ensureOpen();
        try {
            return once(work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private <T> T once(SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (dialect == Dialect.MARIADB && c.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
                // InnoDB's REPEATABLE READ would pin the snapshot taken before a unit waits for
                // its row lock and add gap locks; the units are written for READ COMMITTED
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            } finally {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException e) {
                    LOG.debug("{}: could not restore auto-commit", label, e);
                }
            }
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** The failure to throw for a native one: {@code STORAGE_FAILURE}, detail only in the cause. */
    public PubkyException failure(SQLException e) {
        return new PubkyException(ErrorCode.STORAGE_FAILURE, "database failure in the " + label, e);
    }

    /** Throws unless open. */
    public void ensureOpen() {
        if (closed.get()) {
            throw new PubkyException(ErrorCode.UNAVAILABLE, "the " + label + " is closed");
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownPool != null) {
            ownPool.close();
        }
    }
}
