package org.pubky.store.jdbc.db;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executor;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * A lock held on its own connection while migrations run, so that instances starting at the same
 * time migrate one after the other (the second then finds nothing to do). PostgreSQL uses a
 * session advisory lock, MariaDB a named lock ({@code GET_LOCK}); both end with the session if the
 * process dies. H2 has neither and holds a row lock on a one-row table instead. The lock is keyed
 * by the schema, so stores in different schemas do not wait for each other.
 */
final class MigrationLock implements AutoCloseable {
    private static final int WAIT_SECONDS = 600;

    private final Connection connection;
    private final Dialect dialect;
    private final String name;
    private final Runnable release;

    private MigrationLock(Connection connection, Dialect dialect, String name, Runnable release) {
        this.connection = connection;
        this.dialect = dialect;
        this.name = name;
        this.release = release;
    }

    static MigrationLock acquire(Database db) throws SQLException {
        Connection c = db.dataSource().getConnection();
        try {
            c.setAutoCommit(true);
            String name = "pubky_migrate." + db.schema().orElse("");
            return switch (db.dialect()) {
                case POSTGRESQL -> postgres(c, name);
                case MARIADB -> mariadb(c, name);
                case H2 -> h2(c, db);
            };
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static MigrationLock postgres(Connection c, String name) throws SQLException {
        long key = key(name);
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        }
        return new MigrationLock(c, Dialect.POSTGRESQL, name, null);
    }

    private static MigrationLock mariadb(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, name);
            ps.setInt(2, WAIT_SECONDS);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new PubkyException(ErrorCode.STORAGE_FAILURE,
                            "timed out waiting for another instance to finish migrating the schema");
                }
            }
        }
        return new MigrationLock(c, Dialect.MARIADB, name, null);
    }

    private static MigrationLock h2(Connection c, Database db) throws SQLException {
        String table = db.table("migration_lock");
        try (Statement s = c.createStatement()) {
            if (db.schema().isPresent()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + db.schema().get());
            }
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (id INT PRIMARY KEY)");
            s.execute("MERGE INTO " + table + " KEY (id) VALUES (1)");
        }
        c.setAutoCommit(false);
        long deadline = System.nanoTime() + WAIT_SECONDS * 1_000_000_000L;
        while (true) {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT id FROM " + table + " WHERE id = 1 FOR UPDATE").close();
                break;
            } catch (SQLException e) {
                if (!db.dialect().isRetryable(e) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
        return new MigrationLock(c, Dialect.H2, table, () -> {
            try {
                c.rollback();
                c.setAutoCommit(true);
            } catch (SQLException e) {
                throw new PubkyException(ErrorCode.STORAGE_FAILURE, "cannot release the migration lock", e);
            }
        });
    }

    /** A 64-bit advisory-lock key from the lock's name (FNV-1a). */
    static long key(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Override
    public void close() {
        try {
            switch (dialect) {
                case POSTGRESQL -> {
                    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                        ps.setLong(1, key(name));
                        ps.execute();
                    }
                }
                case MARIADB -> {
                    try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                        ps.setString(1, name);
                        ps.execute();
                    }
                }
                case H2 -> release.run();
            }
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // a pooled connection must never go back to the pool still holding the lock
            abort();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "cannot release the migration lock", e);
        }
    }

    private void abort() {
        Executor direct = Runnable::run;
        try {
            connection.abort(direct);
        } catch (SQLException | RuntimeException ignored) {
            // nothing else to do: the server frees session locks when the connection goes
        }
    }
}
