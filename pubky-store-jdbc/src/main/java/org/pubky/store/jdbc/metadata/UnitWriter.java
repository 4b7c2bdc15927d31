package org.pubky.store.jdbc.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.Entry;
import org.pubky.spi.storage.EventType;
import org.pubky.spi.storage.UnitProbe;
import org.pubky.store.jdbc.db.Database;
import org.pubky.store.jdbc.db.Dialect;
import org.pubky.store.jdbc.db.Times;

/**
 * The write half of an entry unit: change the entry, set the owner's used bytes, append the event,
 * calling the {@link UnitProbe} points in order. The owner's row is already locked and every check
 * has passed; the caller commits.
 *
 * <p>The owner's lock makes the section from the checks to the commit serial per user, so its
 * length bounds one user's write rate; the writes are therefore as few round trips as each
 * database allows. PostgreSQL does all three in one statement of data-modifying CTEs (the event
 * lock and {@code NOTIFY} included), and the three probe points are reached together after it.
 * MariaDB sets the used bytes and takes the event lock in one multi-table {@code UPDATE}, and when
 * the driver allows several statements per call ({@code allowMultiQueries}) sends all writes in
 * one round trip, the probe points again reached together. H2 runs in-process, where statements
 * cost no round trip, and takes them one by one.
 */
final class UnitWriter {
    /** What the unit does to the entry row. */
    enum Change {
        INSERT, UPDATE, DELETE
    }

    private final Database db;
    private final UnitProbe probe;
    private final boolean serialize;
    private final String channel;
    private final long lockKey;
    private final String entries;
    private final String users;
    private final String events;
    private final String eventLock;
    private final String usageAndLockSql;
    private final String eventSql;

    UnitWriter(Database db, UnitProbe probe, boolean serialize, String channel) {
        this.db = db;
        this.probe = probe;
        this.serialize = serialize;
        this.channel = channel;
        this.entries = db.table("entries");
        this.users = db.table("users");
        this.events = db.table("events");
        this.eventLock = db.table("event_lock");
        // MariaDB: one multi-table UPDATE sets the used bytes and write-locks the event lock row
        this.usageAndLockSql = "UPDATE " + users + " u, " + eventLock
                + " l SET u.used_bytes = ?, l.id = 1 WHERE u.id = ? AND l.id = 1";
        this.eventSql = "INSERT INTO " + events + " (event_type, user_id, path, content_hash, created_at) "
                + "VALUES (?, ?, ?, ?, ?)";
        this.lockKey = db.schema().map(s -> JdbcEventLog.REFERENCE_LOCK_KEY
                ^ (s.toLowerCase(Locale.ROOT).hashCode() & 0xffffffffL)).orElse(JdbcEventLog.REFERENCE_LOCK_KEY);
    }

    /**
     * Applies the unit and returns the event's cursor.
     *
     * @param entry the new entry (INSERT, UPDATE) or the removed one (DELETE)
     * @param hash the event's content hash, null for DEL
     */
    long apply(Connection c, Change change, long userId, byte[] path, Entry entry, long usedBytes, EventType type,
            byte[] hash, long atMicros) throws SQLException {
        if (db.dialect() == Dialect.POSTGRESQL && serialize) {
            long cursor = postgres(c, change, userId, path, entry, usedBytes, type, hash, atMicros);
            probe.reached(UnitProbe.ENTRY_WRITTEN);
            probe.reached(UnitProbe.USAGE_UPDATED);
            probe.reached(UnitProbe.EVENT_APPENDED);
            return cursor;
        }
        if (db.dialect() == Dialect.MARIADB && serialize && db.multiStatements()) {
            long cursor = mariadb(c, change, userId, path, entry, usedBytes, type, hash, atMicros);
            probe.reached(UnitProbe.ENTRY_WRITTEN);
            probe.reached(UnitProbe.USAGE_UPDATED);
            probe.reached(UnitProbe.EVENT_APPENDED);
            return cursor;
        }
        try (PreparedStatement ps = c.prepareStatement(entrySql(change))) {
            bindEntry(ps, 1, change, userId, path, entry);
            ps.executeUpdate();
        }
        probe.reached(UnitProbe.ENTRY_WRITTEN);
        if (db.dialect() == Dialect.MARIADB && serialize) {
            try (PreparedStatement ps = c.prepareStatement(usageAndLockSql)) {
                ps.setLong(1, usedBytes);
                ps.setLong(2, userId);
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + users + " SET used_bytes = ? WHERE id = ?")) {
                ps.setLong(1, usedBytes);
                ps.setLong(2, userId);
                ps.executeUpdate();
            }
            if (serialize) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + eventLock
                        + " WHERE id = 1 FOR UPDATE")) {
                    ps.executeQuery().close();
                }
            }
        }
        probe.reached(UnitProbe.USAGE_UPDATED);
        long cursor;
        try (PreparedStatement ps = c.prepareStatement(eventSql, new String[] {"id"})) {
            bindEvent(ps, 1, type, userId, path, hash, atMicros);
            ps.executeUpdate();
            cursor = generatedId(ps);
        }
        probe.reached(UnitProbe.EVENT_APPENDED);
        return cursor;
    }

    private long postgres(Connection c, Change change, long userId, byte[] path, Entry entry, long usedBytes,
            EventType type, byte[] hash, long atMicros) throws SQLException {
        // the event row comes from the CTE that takes the lock, so its id (nextval) is drawn only
        // once the lock is held; the NOTIFY is delivered by the server only if the unit commits
        String sql = "WITH e AS (" + entrySql(change) + "), u AS (UPDATE " + users
                + " SET used_bytes = ? WHERE id = ?), l AS (SELECT pg_advisory_xact_lock(?), pg_notify(?, '')) "
                + "INSERT INTO " + events + " (event_type, user_id, path, content_hash, created_at) "
                + "SELECT ?, ?, ?, ?, ? FROM l";
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            int i = bindEntry(ps, 1, change, userId, path, entry);
            ps.setLong(i++, usedBytes);
            ps.setLong(i++, userId);
            ps.setLong(i++, lockKey);
            ps.setString(i++, channel);
            bindEvent(ps, i, type, userId, path, hash, atMicros);
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    /** MariaDB with multi-statements: the three writes and the new id in one round trip. */
    private long mariadb(Connection c, Change change, long userId, byte[] path, Entry entry, long usedBytes,
            EventType type, byte[] hash, long atMicros) throws SQLException {
        String sql = entrySql(change) + "; " + usageAndLockSql + "; " + eventSql + "; SELECT LAST_INSERT_ID()";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindEntry(ps, 1, change, userId, path, entry);
            ps.setLong(i++, usedBytes);
            ps.setLong(i++, userId);
            bindEvent(ps, i, type, userId, path, hash, atMicros);
            for (boolean resultSet = ps.execute();; resultSet = ps.getMoreResults()) {
                if (resultSet) {
                    try (ResultSet rs = ps.getResultSet()) {
                        if (rs.next()) {
                            return rs.getLong(1);
                        }
                    }
                } else if (ps.getUpdateCount() == -1) {
                    throw new PubkyException(ErrorCode.INTERNAL, "the database returned no event id");
                }
            }
        }
    }

    private String entrySql(Change change) {
        return switch (change) {
            case INSERT -> "INSERT INTO " + entries + " (blob_id, content_hash, content_length, content_type, "
                    + "modified_at, created_at, user_id, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
            case UPDATE -> "UPDATE " + entries + " SET blob_id = ?, content_hash = ?, content_length = ?, "
                    + "content_type = ?, modified_at = ?, created_at = ? WHERE user_id = ? AND path = ?";
            case DELETE -> "DELETE FROM " + entries + " WHERE user_id = ? AND path = ?";
        };
    }

    /** Binds the entry statement's parameters from {@code i}; returns the next index. */
    private static int bindEntry(PreparedStatement ps, int i, Change change, long userId, byte[] path, Entry e)
            throws SQLException {
        if (change != Change.DELETE) {
            ps.setString(i++, e.blobId());
            ps.setBytes(i++, e.contentHash());
            ps.setLong(i++, e.length());
            ps.setString(i++, e.contentType());
            ps.setLong(i++, Times.toMicros(e.modifiedAt()));
            ps.setLong(i++, Times.toMicros(e.createdAt()));
        }
        ps.setLong(i++, userId);
        ps.setBytes(i++, path);
        return i;
    }

    private static void bindEvent(PreparedStatement ps, int i, EventType type, long userId, byte[] path, byte[] hash,
            long atMicros) throws SQLException {
        ps.setString(i++, type.name());
        ps.setLong(i++, userId);
        ps.setBytes(i++, path);
        ps.setBytes(i++, hash);
        ps.setLong(i, atMicros);
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new PubkyException(ErrorCode.INTERNAL, "the database returned no event id");
            }
            return keys.getLong(1);
        }
    }
}
