package org.pubky.it.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pubky.core.hash.ContentHash;
import org.pubky.core.homeserver.storage.BlobSweeper;
import org.pubky.core.keys.PublicKey;
import org.pubky.it.crash.StoreSetup.Stores;
import org.pubky.it.crash.UnitJournal.FileKey;
import org.pubky.it.crash.UnitJournal.FileState;
import org.pubky.it.crash.UnitJournal.Unit;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.Entry;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventQuery;
import org.pubky.spi.storage.EventType;
import org.pubky.spi.storage.ListQuery;
import org.pubky.spi.storage.UserRecord;

/**
 * Checks reopened stores after a crash against what the killed child acknowledged, and against
 * the state found after the previous crash:
 * <ol>
 *   <li>every entry's blob exists, has the entry's length and BLAKE3 hash;
 *   <li>each user's used bytes are the sum of {@code length + 256} over the user's entries;
 *   <li>event cursors strictly increase (so no duplicates), the events found last time are still
 *       there unchanged, and {@code lastCursor()} is the newest;
 *   <li>per file, the new events are exactly its acknowledged units in order, plus possibly the one
 *       in flight; the file's content is what those units leave (so an acknowledged unit is
 *       never lost, an in-flight one is all or nothing, and entry and event agree);
 *   <li>unreferenced blobs are at most one per unit in flight; the orphan sweep (grace 0) deletes
 *       exactly those, after which every blob belongs to exactly one entry.
 * </ol>
 * Stateless.
 */
final class StoreAudit {
    private static final HexFormat HEX = HexFormat.of();
    private static final int PAGE = 500;

    private StoreAudit() {
    }

    /** What the stores held after a crash, once checked. */
    record Snapshot(Map<FileKey, FileState> files, List<Event> events) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), List.of());

        Snapshot {
            files = Map.copyOf(files);
            events = List.copyOf(events);
        }

        long lastCursor() {
            return events.isEmpty() ? 0 : events.get(events.size() - 1).cursor();
        }
    }

    /**
     * What one check found.
     *
     * @param snapshot the state, for the next round
     * @param inFlightCommitted how many in-flight units had committed before the kill
     * @param orphansSwept how many orphan blobs the sweep removed
     */
    record Findings(Snapshot snapshot, int inFlightCommitted, int orphansSwept) {
    }

    static Findings check(Stores stores, Snapshot before, UnitJournal journal) {
        Map<FileKey, Entry> entries = entries(stores);
        entries.values().forEach(entry -> checkContent(stores, entry));
        checkUsedBytes(stores, entries);
        List<Event> events = events(stores);
        checkEventLog(stores, before, events);
        int committed = checkUnits(before, journal, entries, events.subList(before.events().size(), events.size()));
        int swept = checkOrphansAndSweep(stores, entries, journal.inFlight());

        Map<FileKey, FileState> files = new TreeMap<>();
        entries.forEach((key, entry) -> files.put(key, state(entry)));
        return new Findings(new Snapshot(files, events), committed, swept);
    }

    private static Map<FileKey, Entry> entries(Stores stores) {
        Map<FileKey, Entry> out = new TreeMap<>();
        for (PublicKey user : StoreSetup.users()) {
            Optional<String> cursor = Optional.empty();
            while (true) {
                List<String> page = stores.metadata().entries().list(
                        new ListQuery(user.z32(), "/", cursor, PAGE, false, false));
                for (String path : page) {
                    Entry entry = stores.metadata().entries().find(user.z32(), path)
                            .orElseThrow(() -> new AssertionError("listed but not found: " + user.z32() + path));
                    out.put(new FileKey(user.z32(), path), entry);
                }
                if (page.size() < PAGE) {
                    break;
                }
                cursor = Optional.of(page.get(page.size() - 1));
            }
        }
        return out;
    }

    private static void checkContent(Stores stores, Entry entry) {
        ContentHash.Hasher hasher = ContentHash.hasher();
        long length = 0;
        try (InputStream in = stores.blobs().open(entry.blobId())) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                hasher.update(buffer, 0, n);
                length += n;
            }
        } catch (PubkyException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                fail("entry %s points at a missing blob %s", entry.user() + entry.path(), entry.blobId());
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(length).as("length of the blob of %s", entry.path()).isEqualTo(entry.length());
        assertThat(hasher.finish().bytes()).as("BLAKE3 of the blob of %s", entry.path())
                .isEqualTo(entry.contentHash());
    }

    private static void checkUsedBytes(Stores stores, Map<FileKey, Entry> entries) {
        for (PublicKey user : StoreSetup.users()) {
            Optional<UserRecord> record = stores.metadata().users().find(user.z32());
            long expected = entries.values().stream().filter(e -> e.user().equals(user.z32()))
                    .mapToLong(Entry::accountedBytes).sum();
            assertThat(record.map(UserRecord::usedBytes).orElse(0L))
                    .as("used bytes of %s = sum of (length + 256) over its entries", user.z32()).isEqualTo(expected);
        }
    }

    private static List<Event> events(Stores stores) {
        List<Event> out = new ArrayList<>();
        long cursor = 0;
        while (true) {
            List<Event> page = stores.metadata().events().read(new EventQuery(Map.of(), cursor, List.of(), PAGE, false));
            if (page.isEmpty()) {
                return out;
            }
            out.addAll(page);
            cursor = page.get(page.size() - 1).cursor();
        }
    }

    private static void checkEventLog(Stores stores, Snapshot before, List<Event> events) {
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).cursor()).as("cursor after %s", events.get(i - 1))
                    .isGreaterThan(events.get(i - 1).cursor());
        }
        assertThat(events.size()).as("events never disappear").isGreaterThanOrEqualTo(before.events().size());
        assertThat(events.subList(0, before.events().size())).as("events committed before the last crash")
                .isEqualTo(before.events());
        long last = events.isEmpty() ? 0 : events.get(events.size() - 1).cursor();
        assertThat(stores.metadata().events().lastCursor()).as("lastCursor").isEqualTo(last);
    }

    /**
     * Per file: the new events are its units in order (all acknowledged ones, and the one in flight
     * if it committed), and the file's state is what they leave. Returns how many in-flight units
     * had committed.
     */
    private static int checkUnits(Snapshot before, UnitJournal journal, Map<FileKey, Entry> entries,
            List<Event> newEvents) {
        Map<FileKey, List<Event>> eventsByFile = new TreeMap<>();
        newEvents.forEach(e -> eventsByFile.computeIfAbsent(new FileKey(e.user(), e.path()), k -> new ArrayList<>())
                .add(e));
        Map<FileKey, List<Unit>> unitsByFile = journal.byFile();
        Set<FileKey> files = new TreeSet<>(before.files().keySet());
        files.addAll(entries.keySet());
        files.addAll(unitsByFile.keySet());
        files.addAll(eventsByFile.keySet());
        int inFlightCommitted = 0;
        for (FileKey file : files) {
            List<Unit> units = unitsByFile.getOrDefault(file, List.of());
            List<Event> events = eventsByFile.getOrDefault(file, List.of());
            long acknowledged = units.stream().filter(Unit::acknowledged).count();
            boolean inFlight = acknowledged < units.size();
            assertThat(events.size()).as("events of %s: %d acknowledged units%s", file, acknowledged,
                    inFlight ? " + 1 in flight" : "")
                    .isBetween((int) acknowledged, units.size());
            Optional<FileState> state = Optional.ofNullable(before.files().get(file));
            for (int i = 0; i < events.size(); i++) {
                Unit unit = units.get(i);
                Event event = events.get(i);
                assertThat(event.type()).as("event %s of %s", event, file)
                        .isEqualTo(unit.isPut() ? EventType.PUT : EventType.DEL);
                assertThat(event.contentHash().map(HEX::formatHex)).as("hash in event %s", event)
                        .isEqualTo(unit.after().map(FileState::hash));
                state = unit.after();
            }
            if (events.size() > acknowledged) {
                inFlightCommitted++;
            }
            assertThat(Optional.ofNullable(entries.get(file)).map(StoreAudit::state))
                    .as("content of %s after %d of its %d units (%d acknowledged)", file, events.size(),
                            units.size(), acknowledged)
                    .isEqualTo(state);
        }
        return inFlightCommitted;
    }

    private static int checkOrphansAndSweep(Stores stores, Map<FileKey, Entry> entries, long inFlight) {
        Set<String> referenced = new HashSet<>();
        entries.values().forEach(e -> referenced.add(e.blobId()));
        assertThat(referenced).as("every entry has its own blob").hasSize(entries.size());
        Set<String> orphans = allBlobs(stores);
        assertThat(orphans).as("blobs in the store").containsAll(referenced);
        orphans.removeAll(referenced);
        assertThat((long) orphans.size()).as("orphan blobs %s: at most one per unit in flight", orphans)
                .isLessThanOrEqualTo(inFlight);

        int swept = new BlobSweeper(stores.metadata(), stores.blobs(), stores.clock(), Duration.ZERO).sweep();

        assertThat(swept).as("blobs the sweep deleted").isEqualTo(orphans.size());
        assertThat(allBlobs(stores)).as("blobs after the sweep").isEqualTo(referenced);
        return swept;
    }

    private static Set<String> allBlobs(Stores stores) {
        Set<String> ids = new HashSet<>();
        stores.blobs().scan(stores.clock().instant().plus(Duration.ofDays(1)), id -> {
            if (!ids.add(id)) {
                throw new AssertionError("scan visited " + id + " twice");
            }
        });
        return ids;
    }

    private static FileState state(Entry entry) {
        return new FileState(HEX.formatHex(entry.contentHash()), entry.length());
    }
}
