package org.pubky.store.lmdb;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.lmdbjava.Cursor;
import org.lmdbjava.Txn;
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
import org.pubky.spi.storage.UserRecord;

/**
 * Entries in {@code entries}: key = user (52 bytes) + the first {@link Keys#PATH_KEY_BYTES} bytes
 * of the path, value = an {@link EntryBucket} of every entry sharing that key. Blob references
 * are counted in {@code blob-refs} (blob id → 8-byte count) for {@link #isBlobReferenced}.
 *
 * <p>{@link #put} and {@link #delete} are one write transaction each: entry, usage, blob
 * reference and event change together, with the {@link UnitProbe} points called in between.
 * Listing seeks ({@link PathScanner}) instead of filtering, so it costs O(limit + depth).
 * Thread-safe.
 */
final class LmdbEntryStore implements EntryStore {
    private static final byte SLASH = '/';
    private static final byte AFTER_SLASH = '0';

    private final LmdbEnvironment env;
    private final UnitProbe probe;
    private final LmdbEventLog events;

    LmdbEntryStore(LmdbEnvironment env, UnitProbe probe, LmdbEventLog events) {
        this.env = env;
        this.probe = probe;
        this.events = events;
    }

    private static byte[] keyPath(byte[] path) {
        return Arrays.copyOf(path, Math.min(path.length, Keys.PATH_KEY_BYTES));
    }

    private EntryBucket bucket(Txn<byte[]> txn, byte[] key, byte[] path) {
        byte[] raw = env.entries.get(txn, key);
        return raw == null ? EntryBucket.empty(keyPath(path)) : EntryBucket.decode(keyPath(path), raw);
    }

    private boolean isFile(Txn<byte[]> txn, byte[] user, byte[] path) {
        byte[] raw = env.entries.get(txn, Keys.entry(user, path));
        return raw != null && EntryBucket.decode(keyPath(path), raw).indexOf(Keys.entrySuffix(path)) >= 0;
    }

    private boolean directoryExists(Txn<byte[]> txn, byte[] user, byte[] dir) {
        try (Cursor<byte[]> c = env.entries.openCursor(txn)) {
            PathScanner scanner = new PathScanner(c, user, Keys.entry(user, dir));
            scanner.seekForward(dir, true);
            byte[] first = scanner.next();
            return first != null && Keys.startsWith(first, dir);
        }
    }

    @Override
    public Optional<Entry> find(String user, String path) {
        byte[] u = Keys.user(user);
        byte[] p = Keys.utf8(requireNonNull(path, "path is null"));
        return env.read(txn -> {
            byte[] raw = env.entries.get(txn, Keys.entry(u, p));
            if (raw == null) {
                return Optional.empty();
            }
            EntryBucket bucket = EntryBucket.decode(keyPath(p), raw);
            int i = bucket.indexOf(Keys.entrySuffix(p));
            return i < 0 ? Optional.empty() : Optional.of(bucket.entry(user, i));
        });
    }

    @Override
    public boolean directoryExists(String user, String directory) {
        byte[] u = Keys.user(user);
        byte[] d = Keys.utf8(requireNonNull(directory, "directory is null"));
        return env.read(txn -> directoryExists(txn, u, d));
    }

    @Override
    public List<String> list(ListQuery q) {
        requireNonNull(q, "query is null");
        byte[] u = Keys.user(q.user());
        byte[] dir = Keys.utf8(q.directory());
        byte[] cursor = q.cursor().map(Keys::utf8).orElse(null);
        return env.read(txn -> {
            try (Cursor<byte[]> c = env.entries.openCursor(txn)) {
                PathScanner scanner = new PathScanner(c, u, Keys.entry(u, dir));
                return q.reverse() ? listBackward(scanner, dir, cursor, q) : listForward(scanner, dir, cursor, q);
            }
        });
    }

    /** In a shallow listing, the child directory ({@code dir/child/}) that {@code path} lies in, or null. */
    private static byte[] childDirectory(byte[] path, byte[] dir) {
        if (!Keys.startsWith(path, dir)) {
            return null;
        }
        for (int i = dir.length; i < path.length; i++) {
            if (path[i] == SLASH) {
                return Arrays.copyOf(path, i + 1);
            }
        }
        return null;
    }

    /** The smallest path after every path below {@code child} (which ends in '/'): '/' + 1 = '0'. */
    private static byte[] pastChild(byte[] child) {
        byte[] past = child.clone();
        past[past.length - 1] = AFTER_SLASH;
        return past;
    }

    private static List<String> listForward(PathScanner scanner, byte[] dir, byte[] cursor, ListQuery q) {
        byte[] lower = dir;
        boolean inclusive = true;
        if (cursor != null) {
            byte[] child = q.shallow() ? childDirectory(cursor, dir) : null;
            byte[] candidate = child != null ? pastChild(child) : cursor;
            if (Keys.compare(candidate, dir) >= 0) {
                lower = candidate;
                inclusive = child != null;
            }
        }
        List<String> out = new ArrayList<>(Math.min(q.limit(), 1024));
        scanner.seekForward(lower, inclusive);
        while (out.size() < q.limit()) {
            byte[] path = scanner.next();
            if (path == null || !Keys.startsWith(path, dir)) {
                break;
            }
            byte[] child = q.shallow() ? childDirectory(path, dir) : null;
            if (child != null) {
                out.add(Keys.string(child));
                scanner.seekForward(pastChild(child), true);
            } else {
                out.add(Keys.string(path));
            }
        }
        return out;
    }

    private static List<String> listBackward(PathScanner scanner, byte[] dir, byte[] cursor, ListQuery q) {
        byte[] upper = Keys.concat(dir, new byte[] {Keys.AFTER_UTF8});
        if (cursor != null) {
            // a cursor strictly inside a child directory still lets that child (which sorts
            // before the cursor) through, then everything before it
            byte[] child = q.shallow() ? childDirectory(cursor, dir) : null;
            byte[] candidate = child != null && child.length < cursor.length ? pastChild(child) : cursor;
            if (Keys.compare(candidate, upper) < 0) {
                upper = candidate;
            }
        }
        List<String> out = new ArrayList<>(Math.min(q.limit(), 1024));
        scanner.seekBackward(upper, false);
        while (out.size() < q.limit()) {
            byte[] path = scanner.previous();
            if (path == null || !Keys.startsWith(path, dir)) {
                break;
            }
            byte[] child = q.shallow() ? childDirectory(path, dir) : null;
            if (child != null) {
                out.add(Keys.string(child));
                scanner.seekBackward(child, false);
            } else {
                out.add(Keys.string(path));
            }
        }
        return out;
    }

    @Override
    public PutOutcome put(PutUnit unit) {
        requireNonNull(unit, "unit is null");
        byte[] u = Keys.user(unit.user());
        byte[] p = Keys.utf8(unit.path());
        byte[] key = Keys.entry(u, p);
        byte[] suffix = Keys.entrySuffix(p);
        byte[] hash = unit.contentHash();
        PutOutcome outcome = env.write(txn -> {
            UserRecord owner = LmdbUserStore.require(env, txn, unit.user());
            if (unit.checkCollisions()) {
                checkCollisions(txn, u, p);
            }
            EntryBucket bucket = bucket(txn, key, p);
            int i = bucket.indexOf(suffix);
            Optional<Entry> old = i >= 0 ? Optional.of(bucket.entry(unit.user(), i)) : Optional.empty();
            long length = unit.blob().length();
            long delta = old.isPresent() ? length - old.get().length() : length + Entry.METADATA_OVERHEAD;
            long used = owner.usedBytes() + delta;
            if (unit.maxUsedBytes() != PutUnit.NO_LIMIT && used > unit.maxUsedBytes()) {
                throw new PubkyException(ErrorCode.QUOTA_EXCEEDED, "Disk space quota exceeded");
            }
            Instant createdAt = old.map(Entry::createdAt).orElse(unit.at());
            bucket.put(new EntryBucket.Item(suffix, unit.blob().id(), hash, length, unit.contentType(), unit.at(),
                    createdAt));
            env.entries.put(txn, key, bucket.encode());
            BlobRefs.add(env, txn, unit.blob().id(), 1);
            old.ifPresent(o -> BlobRefs.add(env, txn, o.blobId(), -1));
            probe.reached(UnitProbe.ENTRY_WRITTEN);
            LmdbUserStore.changeUsage(env, txn, owner, used);
            probe.reached(UnitProbe.USAGE_UPDATED);
            Event event = LmdbEventLog.append(env, txn, EventType.PUT, unit.user(), unit.path(), Optional.of(hash),
                    unit.at());
            probe.reached(UnitProbe.EVENT_APPENDED);
            Entry entry = new Entry(unit.user(), unit.path(), unit.blob().id(), hash, length, unit.contentType(),
                    unit.at(), createdAt);
            return new PutOutcome(entry, old, event);
        });
        events.committed();
        return outcome;
    }

    /** No ancestor of the path is a file, and the path is not a directory prefix of an entry: O(depth). */
    private void checkCollisions(Txn<byte[]> txn, byte[] user, byte[] path) {
        for (int i = 1; i < path.length; i++) {
            if (path[i] == SLASH && isFile(txn, user, Arrays.copyOf(path, i))) {
                throw new PubkyException(ErrorCode.CONFLICT, "File/folder path collision");
            }
        }
        if (directoryExists(txn, user, Keys.concat(path, new byte[] {SLASH}))) {
            throw new PubkyException(ErrorCode.CONFLICT, "File/folder path collision");
        }
    }

    @Override
    public DeleteOutcome delete(String user, String path, Instant at) {
        byte[] u = Keys.user(user);
        byte[] p = Keys.utf8(requireNonNull(path, "path is null"));
        requireNonNull(at, "at is null");
        byte[] key = Keys.entry(u, p);
        DeleteOutcome outcome = env.write(txn -> {
            byte[] raw = env.entries.get(txn, key);
            EntryBucket bucket = raw == null ? null : EntryBucket.decode(keyPath(p), raw);
            int i = bucket == null ? -1 : bucket.indexOf(Keys.entrySuffix(p));
            if (i < 0) {
                throw new PubkyException(ErrorCode.NOT_FOUND, "File not found");
            }
            Entry removed = bucket.entry(user, i);
            bucket.remove(i);
            if (bucket.isEmpty()) {
                env.entries.delete(txn, key);
            } else {
                env.entries.put(txn, key, bucket.encode());
            }
            BlobRefs.add(env, txn, removed.blobId(), -1);
            probe.reached(UnitProbe.ENTRY_WRITTEN);
            UserRecord owner = LmdbUserStore.require(env, txn, user);
            LmdbUserStore.changeUsage(env, txn, owner, owner.usedBytes() - removed.accountedBytes());
            probe.reached(UnitProbe.USAGE_UPDATED);
            Event event = LmdbEventLog.append(env, txn, EventType.DEL, user, path, Optional.empty(), at);
            probe.reached(UnitProbe.EVENT_APPENDED);
            return new DeleteOutcome(removed, event);
        });
        events.committed();
        return outcome;
    }

    @Override
    public boolean isBlobReferenced(String blobId) {
        requireNonNull(blobId, "blobId is null");
        return env.read(txn -> BlobRefs.count(env, txn, blobId) > 0);
    }
}
