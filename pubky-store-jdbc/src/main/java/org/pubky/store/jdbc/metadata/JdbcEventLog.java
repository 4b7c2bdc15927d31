package org.pubky.store.jdbc.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventLog;
import org.pubky.spi.storage.EventQuery;
import org.pubky.spi.storage.EventType;
import org.pubky.store.jdbc.db.Database;
import org.pubky.store.jdbc.db.Times;
import org.pubky.store.jdbc.notify.EventNotifier;

/**
 * The event log in {@code pubky_events}. Cursors come from the table's identity column (a
 * database sequence). Concurrent units could commit out of id order, and a reader that advanced
 * past the later id would never see the earlier one; so {@link #append} first takes a lock held
 * until commit (PostgreSQL: {@code pg_advisory_xact_lock}, as the reference does; MariaDB and H2:
 * a row lock on {@code pubky_event_lock}), which makes ids visible strictly in order. The lock is
 * taken last in a unit ({@link UnitWriter}), so it is held only for the insert and the commit.
 *
 * <p>Thread-safe.
 */
public final class JdbcEventLog implements EventLog {
    /** The advisory-lock key of the reference homeserver ("events\0\0"). */
    static final long REFERENCE_LOCK_KEY = 0x6576656e74730000L;

    private final Database db;
    private final EventNotifier notifier;
    private final String events;
    private final String users;

    public JdbcEventLog(Database db, EventNotifier notifier) {
        this.db = db;
        this.notifier = notifier;
        this.events = db.table("events");
        this.users = db.table("users");
    }

    @Override
    public List<Event> read(EventQuery q) {
        return db.read(c -> {
            if (q.users().isEmpty()) {
                return query(c, Optional.empty(), q.cursor(), q, q.limit());
            }
            // one index range scan per user on (user_id, id), merged in cursor order
            List<Event> all = new ArrayList<>();
            for (Map.Entry<String, Long> u : new TreeMap<>(q.users()).entrySet()) {
                all.addAll(query(c, Optional.of(u.getKey()), u.getValue(), q, q.limit()));
            }
            Comparator<Event> order = Comparator.comparingLong(Event::cursor);
            all.sort(q.reverse() ? order.reversed() : order);
            return all.size() > q.limit() ? new ArrayList<>(all.subList(0, q.limit())) : all;
        });
    }

    private List<Event> query(Connection c, Optional<String> user, long cursor, EventQuery q, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT e.id, e.event_type, u.public_key, e.path, e.content_hash, "
                + "e.created_at FROM " + events + " e JOIN " + users + " u ON u.id = e.user_id WHERE 1 = 1");
        if (user.isPresent()) {
            sql.append(" AND e.user_id = (SELECT id FROM ").append(users).append(" WHERE public_key = ?)");
        }
        boolean bounded = !q.reverse() || cursor > 0;
        if (bounded) {
            sql.append(q.reverse() ? " AND e.id < ?" : " AND e.id > ?");
        }
        List<byte[]> params = new ArrayList<>();
        if (!q.paths().isEmpty()) {
            sql.append(" AND (");
            for (int i = 0; i < q.paths().size(); i++) {
                String filter = q.paths().get(i);
                byte[] bytes = PathBytes.encodeBound(filter);
                if (i > 0) {
                    sql.append(" OR ");
                }
                if (filter.endsWith("/")) {
                    sql.append("(e.path >= ? AND e.path < ?)");
                    params.add(bytes);
                    params.add(PathBytes.directoryEnd(bytes));
                } else {
                    sql.append("e.path = ?");
                    params.add(bytes);
                }
            }
            sql.append(')');
        }
        sql.append(" ORDER BY e.id ").append(q.reverse() ? "DESC" : "ASC").append(" LIMIT ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (user.isPresent()) {
                ps.setString(i++, user.get());
            }
            if (bounded) {
                ps.setLong(i++, cursor);
            }
            for (byte[] p : params) {
                ps.setBytes(i++, p);
            }
            ps.setInt(i, limit);
            List<Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] hash = rs.getBytes(5);
                    out.add(new Event(rs.getLong(1), EventType.valueOf(rs.getString(2).trim()), rs.getString(3),
                            PathBytes.decode(rs.getBytes(4)), Optional.ofNullable(hash),
                            Times.fromMicros(rs.getLong(6))));
                }
            }
            return out;
        }
    }

    @Override
    public long lastCursor() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM " + events);
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    @Override
    public Subscription subscribe(Runnable listener) {
        return notifier.subscribe(listener);
    }
}
