package org.pubky.store.jdbc.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.Entry;
import org.pubky.store.jdbc.db.Database;
import org.pubky.store.jdbc.db.Dialect;
import org.pubky.store.jdbc.db.Times;

/**
 * The read half of an entry unit: write-lock the owner's row, then read the entry at the path and,
 * for a put with collision checks, the ancestors as files (point lookups) and the first entry below
 * the path (one range probe), all in one statement.
 *
 * <p>The inspection must start after the lock is held, so that it sees what the previous holder
 * committed (READ COMMITTED gives each statement a fresh snapshot, but one statement keeps the
 * snapshot it started with while it waits). Where the driver allows several statements in one
 * prepared statement, the lock and the inspection are two statements sent in one round trip; the
 * server runs the second only after the first returned.
 */
final class UnitInspector {
    /** What a unit learned before writing. */
    record Inspection(long userId, long usedBytes, Optional<Entry> old) {
    }

    static final String ENTRY_COLUMNS = "path, blob_id, content_hash, content_length, content_type, modified_at, "
            + "created_at";

    private final Database db;
    private final String entries;
    private final String lockSql;
    private final String userIdByKey;

    UnitInspector(Database db) {
        this.db = db;
        this.entries = db.table("entries");
        String users = db.table("users");
        this.lockSql = "SELECT id, used_bytes FROM " + users + " WHERE public_key = ? " + db.dialect().lockRowForWrite();
        this.userIdByKey = "(SELECT id FROM " + users + " WHERE public_key = ?)";
    }

    /**
     * Locks the owner and inspects {@code path}.
     *
     * @throws PubkyException {@code NOT_FOUND} for an unknown owner; {@code CONFLICT} "File/folder
     *     path collision" when {@code collisions} and an ancestor is a file or the path has entries below
     */
    Inspection lockAndInspect(Connection c, String user, byte[] path, boolean collisions) throws SQLException {
        List<byte[]> points = new ArrayList<>();
        points.add(path);
        if (collisions) {
            for (int i = PathBytes.indexOfSlash(path, 1); i > 0; i = PathBytes.indexOfSlash(path, i + 1)) {
                points.add(Arrays.copyOf(path, i));
            }
        }
        if (db.multiStatements()) {
            try (PreparedStatement ps = c.prepareStatement(lockSql + "; " + probeSql(points.size(), collisions,
                    userIdByKey))) {
                ps.setString(1, user);
                bindProbe(ps, 2, points, path, collisions, user, 0);
                if (!ps.execute()) {
                    throw new PubkyException(ErrorCode.INTERNAL, "the owner lock returned no rows");
                }
                long[] owner = owner(ps.getResultSet());
                if (!ps.getMoreResults()) {
                    throw new PubkyException(ErrorCode.INTERNAL, "the inspection returned no rows");
                }
                return new Inspection(owner[0], owner[1], entry(ps.getResultSet(), user, path));
            }
        }
        long[] owner;
        try (PreparedStatement ps = c.prepareStatement(lockSql)) {
            ps.setString(1, user);
            owner = owner(ps.executeQuery());
        }
        try (PreparedStatement ps = c.prepareStatement(probeSql(points.size(), collisions, "?"))) {
            bindProbe(ps, 1, points, path, collisions, null, owner[0]);
            return new Inspection(owner[0], owner[1], entry(ps.executeQuery(), user, path));
        }
    }

    private static long[] owner(ResultSet rs) throws SQLException {
        try (rs) {
            if (!rs.next()) {
                throw new PubkyException(ErrorCode.NOT_FOUND, "User not found");
            }
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /**
     * Primary-key lookups of the points, one {@code UNION ALL} branch each (H2 would scan the
     * user's rows for {@code path IN (...)}, and PostgreSQL plans the branches three times faster;
     * MariaDB prefers the list), plus a parenthesized branch for the first descendant (not a
     * derived table, which H2 would plan again on every execution).
     */
    private String probeSql(int points, boolean collisions, String userId) {
        StringBuilder sql = new StringBuilder();
        if (db.dialect() != Dialect.MARIADB) {
            String point = "SELECT " + ENTRY_COLUMNS + " FROM " + entries + " WHERE user_id = " + userId
                    + " AND path = ?";
            sql.append(point);
            for (int i = 1; i < points; i++) {
                sql.append(" UNION ALL ").append(point);
            }
        } else {
            // MariaDB parses and plans every statement text anew: a short IN list (point lookups
            // in the primary key) costs it a third less than the branches
            sql.append("SELECT ").append(ENTRY_COLUMNS).append(" FROM ").append(entries).append(" WHERE user_id = ")
                    .append(userId).append(" AND path IN (?").append(", ?".repeat(points - 1)).append(')');
        }
        if (collisions) {
            sql.append(" UNION ALL (SELECT ").append(ENTRY_COLUMNS).append(" FROM ").append(entries)
                    .append(" WHERE user_id = ").append(userId).append(" AND path >= ? AND path < ? ORDER BY path LIMIT 1)");
        }
        return sql.toString();
    }

    /** Binds the probe from parameter {@code i}, the owner as its key (when not null) or its id. */
    private void bindProbe(PreparedStatement ps, int i, List<byte[]> points, byte[] path, boolean collisions,
            String userKey, long userId) throws SQLException {
        boolean eachPointNamesTheUser = db.dialect() != Dialect.MARIADB;
        for (int k = 0; k < points.size(); k++) {
            if (k == 0 || eachPointNamesTheUser) {
                i = bindUser(ps, i, userKey, userId);
            }
            ps.setBytes(i++, points.get(k));
        }
        if (collisions) {
            byte[] below = PathBytes.prefixWith(path, path.length, PathBytes.SLASH);
            i = bindUser(ps, i, userKey, userId);
            ps.setBytes(i++, below);
            ps.setBytes(i, PathBytes.directoryEnd(below));
        }
    }

    private static int bindUser(PreparedStatement ps, int i, String userKey, long userId) throws SQLException {
        if (userKey != null) {
            ps.setString(i, userKey);
        } else {
            ps.setLong(i, userId);
        }
        return i + 1;
    }

    /** The entry at {@code path} among the probe's rows; any other row is a collision. */
    private static Optional<Entry> entry(ResultSet rs, String user, byte[] path) throws SQLException {
        Entry self = null;
        try (rs) {
            while (rs.next()) {
                if (!Arrays.equals(rs.getBytes(1), path)) {
                    throw new PubkyException(ErrorCode.CONFLICT, "File/folder path collision");
                }
                self = row(user, rs);
            }
        }
        return Optional.ofNullable(self);
    }

    /** An entry from the {@link #ENTRY_COLUMNS} of the current row. */
    static Entry row(String user, ResultSet rs) throws SQLException {
        return new Entry(user, PathBytes.decode(rs.getBytes(1)), rs.getString(2), rs.getBytes(3), rs.getLong(4),
                rs.getString(5), Times.fromMicros(rs.getLong(6)), Times.fromMicros(rs.getLong(7)));
    }
}
