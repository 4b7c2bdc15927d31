package org.pubky.tck;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.pubky.spi.storage.DeleteOutcome;
import org.pubky.spi.storage.Entry;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventQuery;
import org.pubky.spi.storage.ListQuery;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.PutOutcome;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.SignupTokenRecord;
import org.pubky.spi.storage.SignupTokenState;
import org.pubky.spi.storage.StoredBlob;
import org.pubky.spi.storage.UserRecord;
import org.pubky.spi.storage.UserStats;

/**
 * What every metadata contract needs from the class that runs it: the store under test, a way to
 * reopen it on the same data, the controllable clock and the fault probe, plus small helpers to
 * make users and write units. {@link MetadataStoreContract} implements it; a vendor never does.
 */
public interface MetadataStoreFixture {
    /** The store under test, opened before each test and closed after it. */
    MetadataStore store();

    /** Closes the store and opens it again with the same context (same data directory). */
    MetadataStore reopen();

    /**
     * Opens a second instance with the same context while the first stays open, for backends that
     * several instances may share ({@link org.pubky.spi.storage.StoreCapability#CROSS_INSTANCE_NOTIFICATIONS}).
     * It is closed after the test.
     */
    MetadataStore openAnother();

    /** The clock in the store's context; it moves only when a test moves it. */
    MutableClock clock();

    /** The probe in the store's context. */
    RecordingUnitProbe probe();

    // ---- helpers --------------------------------------------------------------------------

    /** Creates a new user (no token) at the current clock time and returns its key. */
    default String newUser() {
        String user = TckData.userKey();
        store().users().create(user, clock().instant(), Optional.empty());
        return user;
    }

    /** A write of {@code length} bytes with no quota and collision checks on, at a fresh instant. */
    default PutUnit unit(String user, String path, long length) {
        return unit(user, path, length, PutUnit.NO_LIMIT, true);
    }

    /** A write with a fresh blob id, a random content hash and a fresh instant. */
    default PutUnit unit(String user, String path, long length, long maxUsedBytes, boolean checkCollisions) {
        byte[] hash = new byte[32];
        ThreadLocalRandom.current().nextBytes(hash);
        return new PutUnit(user, path, new StoredBlob(blobId(), length), hash, "application/octet-stream",
                clock().tick(), maxUsedBytes, checkCollisions);
    }

    /** A fresh blob id, unique within the test run. */
    default String blobId() {
        return "tck-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }

    /** Commits {@link #unit(String, String, long)}. */
    default PutOutcome put(String user, String path, long length) {
        return store().entries().put(unit(user, path, length));
    }

    /** Deletes at a fresh instant. */
    default DeleteOutcome delete(String user, String path) {
        return store().entries().delete(user, path, clock().tick());
    }

    /** The user's used bytes. */
    default long usedBytes(String user) {
        return store().users().find(user).orElseThrow().usedBytes();
    }

    /** One listing page. */
    default List<String> list(String user, String directory, boolean shallow, boolean reverse,
            Optional<String> cursor, int limit) {
        return store().entries().list(new ListQuery(user, directory, cursor, limit, reverse, shallow));
    }

    /** A whole listing in one call. */
    default List<String> listAll(String user, String directory, boolean shallow, boolean reverse) {
        return list(user, directory, shallow, reverse, Optional.empty(), Integer.MAX_VALUE);
    }

    /** A whole listing, paged with {@code pageSize}, each page continuing after the last result. */
    default List<String> listPaged(String user, String directory, boolean shallow, boolean reverse, int pageSize) {
        List<String> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        while (true) {
            List<String> page = list(user, directory, shallow, reverse, cursor, pageSize);
            all.addAll(page);
            if (page.size() < pageSize) {
                return all;
            }
            cursor = Optional.of(page.get(page.size() - 1));
        }
    }

    /** Every event of the log in cursor order, read in pages. */
    default List<Event> allEvents() {
        List<Event> all = new ArrayList<>();
        long cursor = 0;
        while (true) {
            List<Event> page = store().events().read(new EventQuery(Map.of(), cursor, List.of(), 1000, false));
            all.addAll(page);
            if (page.size() < 1000) {
                return all;
            }
            cursor = page.get(page.size() - 1).cursor();
        }
    }

    /** A comparable picture of everything the given users own plus the global state. */
    default StoreSnapshot snapshot(String... users) {
        Map<String, Optional<UserRecord>> records = new LinkedHashMap<>();
        Map<String, List<Entry>> entries = new LinkedHashMap<>();
        for (String user : users) {
            records.put(user, store().users().find(user));
            List<Entry> files = new ArrayList<>();
            for (String path : listAll(user, "/", false, false)) {
                files.add(store().entries().find(user, path).orElseThrow(
                        () -> new AssertionError("listed path has no entry: " + path)));
            }
            entries.put(user, files);
        }
        return new StoreSnapshot(records, entries, allEvents(), store().events().lastCursor(),
                store().users().stats(), store().signupTokens().list(Optional.empty(), 10_000, SignupTokenState.ALL));
    }

    /** Everything {@link #snapshot} saw; equal snapshots mean nothing observable changed. */
    record StoreSnapshot(Map<String, Optional<UserRecord>> users, Map<String, List<Entry>> entries,
            List<Event> events, long lastCursor, UserStats stats, List<SignupTokenRecord> tokens) {
    }

    /** An instant {@code micros} microseconds after the clock's current time, without moving it. */
    default Instant later(long micros) {
        return clock().instant().plusNanos(micros * 1_000);
    }
}
