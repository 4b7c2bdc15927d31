package org.pubky.store.jdbc.metadata;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
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
 * paths plus one range probe for a descendant ({@link UnitInspector}). The writes follow
 * ({@link UnitWriter}), the event last.
 *
 * <p>Thread-safe.
 */
public final class JdbcEntryStore implements EntryStore {
    private static final String ENTRY_COLUMNS = UnitInspector.ENTRY_COLUMNS;

    private final Database db;
    private final UnitInspector inspector;
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
        this.inspector = new UnitInspector(db);
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
                    return rs.next() ? Optional.of(UnitInspector.row(user, rs)) : Optional.empty();
                }
            }
        });
    }

    private static String prefixed(String alias) {
        return alias + ENTRY_COLUMNS.replace(", ", ", " + alias);
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
            UnitInspector.Inspection owner = inspector.lockAndInspect(c, unit.user(), path, unit.checkCollisions());
            Optional<Entry> old = owner.old();
            long delta = unit.blob().length() - old.map(Entry::length).orElse(-Entry.METADATA_OVERHEAD);
            long used = Math.addExact(owner.usedBytes(), delta);
            if (unit.maxUsedBytes() != PutUnit.NO_LIMIT && used > unit.maxUsedBytes()) {
                throw new PubkyException(ErrorCode.QUOTA_EXCEEDED, "Disk space quota exceeded");
            }
            Entry entry = new Entry(unit.user(), unit.path(), unit.blob().id(), hash, unit.blob().length(),
                    unit.contentType(), atInstant, old.map(Entry::createdAt).orElse(atInstant));
            long cursor = writer.apply(c, old.isPresent() ? UnitWriter.Change.UPDATE : UnitWriter.Change.INSERT,
                    owner.userId(), path, entry, used, EventType.PUT, hash, at);
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
            UnitInspector.Inspection owner = inspector.lockAndInspect(c, user, p, false);
            Entry old = owner.old().orElseThrow(() -> new PubkyException(ErrorCode.NOT_FOUND, "File not found"));
            long cursor = writer.apply(c, UnitWriter.Change.DELETE, owner.userId(), p, old,
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




}
