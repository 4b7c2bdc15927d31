package org.pubky.store.jdbc.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.DeleteOutcome;
import org.pubky.spi.storage.Entry;
import org.pubky.spi.storage.EntryStore;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventType;
import org.pubky.spi.storage.ListQuery;
import org.pubky.spi.storage.PutOutcome;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.UnitProbe;
import org.pubky.store.jdbc.db.Database;
import org.pubky.store.jdbc.db.Times;
import org.pubky.store.jdbc.notify.EventNotifier;

/**
 * Entries in {@code pubky_entries}, keyed by {@code (user_id, path bytes)}.
 *
 * <p>A unit is one transaction that first write-locks the owner's row in {@code pubky_users}.
 * That lock serializes all units of one user (in every process sharing the database), which is
 * what makes the quota check, the collision check and "exactly one of two concurrent deletes" hold
 * without any other locking. Collisions cost one statement: point lookups of the O(depth) ancestor
 * paths plus one range probe for a descendant. The event is appended last ({@link JdbcEventLog}).
 *
 * <p>Thread-safe.
 */
public final class JdbcEntryStore implements EntryStore {
    private static final String ENTRY_COLUMNS = "path, blob_id, content_hash, content_length, content_type, "
            + "modified_at, created_at";

    private final Database db;
    private final UnitWriter writer;
    private final EventNotifier notifier;
    private final DirectoryLister lister;
    private final String entries;
    private final String users;

    /**
     * @param serializeEvents false only in tests that demonstrate the race the event lock prevents
     */
    public JdbcEntryStore(Database db, UnitProbe probe, EventNotifier notifier, boolean serializeEvents) {
        this.db = db;
        this.writer = new UnitWriter(db, probe, serializeEvents, notifier.channel());
        this.notifier = notifier;
        this.entries = db.table("entries");
        this.users = db.table("users");
        this.lister = new DirectoryLister(db);
    }

    @Override
    public Optional<Entry> find(String user, String path) {
        byte[] p = PathBytes.encodeBound(path);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + prefixed("e.") + " FROM " + entries
                    + " e JOIN " + users + " u ON u.id = e.user_id WHERE u.public_key = ? AND e.path = ?")) {
                ps.setString(1, user);
                ps.setBytes(2, p);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(user, rs)) : Optional.empty();
                }
            }
        });
    }

    private static String prefixed(String alias) {
        return alias + ENTRY_COLUMNS.replace(", ", ", " + alias);
    }

    private static Entry row(String user, ResultSet rs) throws SQLException {
        return new Entry(user, PathBytes.decode(rs.getBytes(1)), rs.getString(2), rs.getBytes(3), rs.getLong(4),
                rs.getString(5), Times.fromMicros(rs.getLong(6)), Times.fromMicros(rs.getLong(7)));
    }

    @Override
    public boolean directoryExists(String user, String directory) {
        byte[] dir = PathBytes.encodeBound(directory);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + entries + " e JOIN " + users
                    + " u ON u.id = e.user_id WHERE u.public_key = ? AND e.path >= ? AND e.path < ? LIMIT 1")) {
                ps.setString(1, user);
                ps.setBytes(2, dir);
                ps.setBytes(3, PathBytes.directoryEnd(dir));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public List<String> list(ListQuery query) {
        return lister.list(query);
    }

    @Override
    public PutOutcome put(PutUnit unit) {
        byte[] path = PathBytes.encode(unit.path());
        byte[] hash = unit.contentHash();
        long at = Times.toMicros(unit.at());
        Instant atInstant = Times.fromMicros(at);
        PutOutcome outcome = db.transaction(c -> {
            UserRow owner = lockOwner(c, unit.user());
            Optional<Entry> old = inspect(c, unit.user(), owner.id(), path, unit.checkCollisions());
            long delta = unit.blob().length() - old.map(Entry::length).orElse(-Entry.METADATA_OVERHEAD);
            long used = Math.addExact(owner.usedBytes(), delta);
            if (unit.maxUsedBytes() != PutUnit.NO_LIMIT && used > unit.maxUsedBytes()) {
                throw new PubkyException(ErrorCode.QUOTA_EXCEEDED, "Disk space quota exceeded");
            }
            Entry entry = new Entry(unit.user(), unit.path(), unit.blob().id(), hash, unit.blob().length(),
                    unit.contentType(), atInstant, old.map(Entry::createdAt).orElse(atInstant));
            long cursor = writer.apply(c, old.isPresent() ? UnitWriter.Change.UPDATE : UnitWriter.Change.INSERT,
                    owner.id(), path, entry, used, EventType.PUT, hash, at);
            Event event = new Event(cursor, EventType.PUT, unit.user(), unit.path(), Optional.of(hash), atInstant);
            return new PutOutcome(entry, old, event);
        });
        notifier.fire();
        return outcome;
    }

    @Override
    public DeleteOutcome delete(String user, String path, Instant at) {
        byte[] p = PathBytes.encodeBound(path);
        long micros = Times.toMicros(at);
        Instant atInstant = Times.fromMicros(micros);
        DeleteOutcome outcome = db.transaction(c -> {
            UserRow owner = lockOwner(c, user);
            Entry old = select(c, user, owner.id(), p)
                    .orElseThrow(() -> new PubkyException(ErrorCode.NOT_FOUND, "File not found"));
            long cursor = writer.apply(c, UnitWriter.Change.DELETE, owner.id(), p, old,
                    Math.max(0, owner.usedBytes() - old.accountedBytes()), EventType.DEL, null, micros);
            return new DeleteOutcome(old, new Event(cursor, EventType.DEL, user, path, Optional.empty(), atInstant));
        });
        notifier.fire();
        return outcome;
    }

    @Override
    public boolean isBlobReferenced(String blobId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + entries
                    + " WHERE blob_id = ? LIMIT 1")) {
                ps.setString(1, blobId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private record UserRow(long id, long usedBytes) {
    }

    private UserRow lockOwner(Connection c, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, used_bytes FROM " + users
                + " WHERE public_key = ? " + db.dialect().lockRowForWrite())) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new PubkyException(ErrorCode.NOT_FOUND, "User not found");
                }
                return new UserRow(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    /**
     * The entry at {@code path}, if any, after checking collisions: in one statement, the path
     * itself and each ancestor as a file (point lookups) plus the first entry below
     * {@code path + "/"} (one range probe).
     */
    private Optional<Entry> inspect(Connection c, String user, long userId, byte[] path, boolean collisions)
            throws SQLException {
        if (!collisions) {
            return select(c, user, userId, path);
        }
        List<byte[]> points = new ArrayList<>();
        points.add(path);
        for (int i = PathBytes.indexOfSlash(path, 1); i > 0; i = PathBytes.indexOfSlash(path, i + 1)) {
            points.add(Arrays.copyOf(path, i));
        }
        byte[] below = PathBytes.prefixWith(path, path.length, PathBytes.SLASH);
        // one primary-key lookup per point: H2 turns "path IN (...)" into a scan of the user's rows
        String point = "SELECT " + ENTRY_COLUMNS + " FROM " + entries + " WHERE user_id = ? AND path = ?";
        // a parenthesized branch, not a derived table, which H2 would re-plan on every execution
        String sql = (point + " UNION ALL ").repeat(points.size()) + "(SELECT " + ENTRY_COLUMNS + " FROM " + entries
                + " WHERE user_id = ? AND path >= ? AND path < ? ORDER BY path LIMIT 1)";
        Entry self = null;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (byte[] p : points) {
                ps.setLong(i++, userId);
                ps.setBytes(i++, p);
            }
            ps.setLong(i++, userId);
            ps.setBytes(i++, below);
            ps.setBytes(i, PathBytes.directoryEnd(below));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (Arrays.equals(rs.getBytes(1), path)) {
                        self = row(user, rs);
                    } else {
                        throw new PubkyException(ErrorCode.CONFLICT, "File/folder path collision");
                    }
                }
            }
        }
        return Optional.ofNullable(self);
    }

    private Optional<Entry> select(Connection c, String user, long userId, byte[] path) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM " + entries
                + " WHERE user_id = ? AND path = ?")) {
            ps.setLong(1, userId);
            ps.setBytes(2, path);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(user, rs)) : Optional.empty();
            }
        }
    }
}
