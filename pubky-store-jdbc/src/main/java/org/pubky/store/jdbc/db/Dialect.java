package org.pubky.store.jdbc.db;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The few places where PostgreSQL, MariaDB and H2 differ for this store: DDL (one script folder
 * per dialect), row-lock clauses, insert-if-absent, the serialization of event inserts and the
 * classification of failures. Everything else is portable SQL.
 */
public enum Dialect {
    POSTGRESQL("postgresql"),
    MARIADB("mariadb"),
    H2("h2");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /**
     * The dialect of the database behind {@code metaData}.
     *
     * @throws PubkyException {@link ErrorCode#UNSUPPORTED} for any other product, naming it
     */
    public static Dialect detect(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        String version = metaData.getDatabaseProductVersion();
        return detect(product, version);
    }

    /** Dialect detection on the product name and version as the driver reports them. */
    public static Dialect detect(String product, String version) {
        String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
        String v = version == null ? "" : version.toLowerCase(Locale.ROOT);
        if (p.contains("postgresql")) {
            return POSTGRESQL;
        }
        // MySQL Connector/J reports a MariaDB server as "MySQL" with "MariaDB" in the version
        if (p.contains("mariadb") || (p.contains("mysql") && v.contains("mariadb"))) {
            return MARIADB;
        }
        if (p.equals("h2")) {
            return H2;
        }
        throw new PubkyException(ErrorCode.UNSUPPORTED, "the jdbc store supports PostgreSQL, MariaDB and H2, not "
                + product);
    }

    /** The resource folder holding this dialect's migration scripts. */
    public String folder() {
        return folder;
    }

    /**
     * The clause that write-locks a user row for a unit. PostgreSQL's weaker
     * {@code FOR NO KEY UPDATE} still serializes units but does not block the foreign-key checks
     * of concurrent inserts (sessions, grants) that reference the user.
     */
    public String lockRowForWrite() {
        return this == POSTGRESQL ? "FOR NO KEY UPDATE" : "FOR UPDATE";
    }

    /**
     * An insert that silently does nothing when the primary key exists; the update count tells
     * whether a row was inserted (1) or not (0).
     */
    public String insertIfAbsent(String table, String columns, String placeholders) {
        return switch (this) {
            case POSTGRESQL -> "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders
                    + ") ON CONFLICT DO NOTHING";
            // IGNORE also downgrades other errors to warnings; callers validate lengths first
            // and only use it on tables without foreign keys
            case MARIADB -> "INSERT IGNORE INTO " + table + " (" + columns + ") VALUES (" + placeholders + ")";
            // H2 has no portable form; a duplicate raises a unique violation the caller treats as 0
            case H2 -> "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ")";
        };
    }

    /** True if the failure is a duplicate primary or unique key. */
    public boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if ("23505".equals(state)) {
                return true;
            }
            if (this == MARIADB && x.getErrorCode() == 1062) {
                return true;
            }
            if (x.getNextException() == x) {
                break;
            }
        }
        return false;
    }

    /**
     * True if the failure is transient contention (deadlock, serialization failure, lock wait
     * timeout) and the whole transaction may simply be run again.
     */
    public boolean isRetryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException x) {
                String state = x.getSQLState();
                if ("40001".equals(state) || "40P01".equals(state) || "55P03".equals(state)) {
                    return true;
                }
                if (this == MARIADB && (x.getErrorCode() == 1213 || x.getErrorCode() == 1205)) {
                    return true;
                }
                if (this == H2 && (x.getErrorCode() == 50200 || x.getErrorCode() == 40001)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
