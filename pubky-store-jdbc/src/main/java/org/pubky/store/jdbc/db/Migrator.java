package org.pubky.store.jdbc.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a component's tables (for example {@code metadata} or {@code blobs}) to the newest
 * version: a small versioned migrator with checksums.
 *
 * <p>The table {@code pubky_schema_history} records, per component, every applied version with the
 * SHA-256 of its script. At start, under a {@link MigrationLock} (so concurrent starts are safe),
 * the migrator refuses to continue when an applied script has changed (checksum mismatch) or when
 * the database holds versions this code does not know (it is newer), and otherwise applies the
 * missing versions in order. On PostgreSQL each version runs in one transaction together with its
 * history row; MariaDB and H2 commit DDL implicitly, so a version that fails half-way must be
 * repaired by hand (the scripts are written to make that rare: one table per statement).
 */
public final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private Migrator() {
    }

    /**
     * Validates and, if {@code apply}, applies {@code migrations} of {@code component}.
     *
     * @throws PubkyException {@code STORAGE_FAILURE} on a checksum mismatch, an unknown applied
     *     version, pending versions when {@code apply} is false, or a failing script
     */
    public static void migrate(Database db, String component, List<Migration> migrations, boolean apply,
            Clock clock) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new PubkyException(ErrorCode.INTERNAL, component + " migrations must be numbered 1, 2, 3, ...");
            }
        }
        try (MigrationLock lock = MigrationLock.acquire(db); Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(true);
            prepare(db, c);
            Map<Integer, String> applied = applied(db, c, component);
            for (Map.Entry<Integer, String> row : applied.entrySet()) {
                int version = row.getKey();
                if (version > migrations.size()) {
                    throw new PubkyException(ErrorCode.STORAGE_FAILURE, "the database has " + component
                            + " schema version " + version + ", newer than this pubky-java knows ("
                            + migrations.size() + ")");
                }
                Migration m = migrations.get(version - 1);
                if (!m.checksum().equals(row.getValue())) {
                    throw new PubkyException(ErrorCode.STORAGE_FAILURE, component + " migration V" + version
                            + " was changed after it was applied (checksum mismatch); refusing to start");
                }
            }
            for (Migration m : migrations) {
                if (applied.containsKey(m.version())) {
                    continue;
                }
                if (!apply) {
                    throw new PubkyException(ErrorCode.STORAGE_FAILURE, "the " + component
                            + " schema is not up to date (V" + m.version() + " missing) and migrate=false");
                }
                run(db, c, component, m, clock);
            }
        } catch (SQLException e) {
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "cannot migrate the " + component + " schema", e);
        }
    }

    private static void prepare(Database db, Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (db.schema().isPresent()) {
                String schema = db.schema().get();
                s.execute(db.dialect() == Dialect.MARIADB
                        ? "CREATE DATABASE IF NOT EXISTS " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
                        : "CREATE SCHEMA IF NOT EXISTS " + schema);
            }
            s.execute("CREATE TABLE IF NOT EXISTS " + db.table("schema_history") + " ("
                    + "component VARCHAR(32) NOT NULL, version INT NOT NULL, description VARCHAR(200) NOT NULL, "
                    + "checksum VARCHAR(64) NOT NULL, applied_at BIGINT NOT NULL, "
                    + "PRIMARY KEY (component, version))");
        }
    }

    private static Map<Integer, String> applied(Database db, Connection c, String component) throws SQLException {
        Map<Integer, String> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version, checksum FROM " + db.table("schema_history")
                + " WHERE component = ?")) {
            ps.setString(1, component);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static void run(Database db, Connection c, String component, Migration m, Clock clock)
            throws SQLException {
        LOG.info("applying {} schema migration V{} ({}){}", component, m.version(), m.description(),
                db.schema().map(s -> " in " + s).orElse(""));
        boolean transactional = db.dialect() == Dialect.POSTGRESQL;
        c.setAutoCommit(!transactional);
        try {
            try (Statement s = c.createStatement()) {
                for (String sql : m.statements(db.tablePrefix(), "pubky_")) {
                    s.execute(sql);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + db.table("schema_history")
                    + " (component, version, description, checksum, applied_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, component);
                ps.setInt(2, m.version());
                ps.setString(3, m.description());
                ps.setString(4, m.checksum());
                ps.setLong(5, Times.toMicros(clock.instant()));
                ps.executeUpdate();
            }
            if (transactional) {
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            if (transactional) {
                c.rollback();
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
