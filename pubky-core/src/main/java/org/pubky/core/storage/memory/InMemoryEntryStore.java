package org.pubky.core.storage.memory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NavigableMap;
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
import org.pubky.spi.storage.UserRecord;

/**
 * Entries of an {@link InMemoryMetadataStore}. A unit runs under the write lock and keeps an undo
 * list, so a failure at any step (a {@link UnitProbe} throwing included) is rolled back before it
 * propagates; listeners are woken after the lock is released.
 */
final class InMemoryEntryStore implements EntryStore {
    private final InMemoryGuard guard;
    private final InMemoryState state;
    private final UnitProbe probe;
    private final InMemoryEventLog events;

    InMemoryEntryStore(InMemoryGuard guard, InMemoryState state, UnitProbe probe, InMemoryEventLog events) {
        this.guard = guard;
        this.state = state;
        this.probe = probe;
        this.events = events;
    }

    @Override
    public Optional<Entry> find(String user, String path) {
        return guard.read(() -> Optional.ofNullable(state.entriesOrEmpty(user).get(path)));
    }

    @Override
    public boolean directoryExists(String user, String directory) {
        return guard.read(() -> InMemoryListing.hasPathsBelow(state.entriesOrEmpty(user), directory));
    }

    @Override
    public List<String> list(ListQuery query) {
        return guard.read(() -> InMemoryListing.list(state.entriesOrEmpty(query.user()), query));
    }

    @Override
    public PutOutcome put(PutUnit unit) {
        PutOutcome outcome = guard.write(() -> {
            UserRecord owner = state.users.get(unit.user());
            if (owner == null) {
                throw new PubkyException(ErrorCode.NOT_FOUND, "User not found");
            }
            NavigableMap<String, Entry> paths = state.entriesOf(unit.user());
            if (unit.checkCollisions() && collides(paths, unit.path())) {
                throw new PubkyException(ErrorCode.CONFLICT, "File/folder path collision");
            }
            Entry old = paths.get(unit.path());
            long delta = unit.blob().length() - (old == null ? -Entry.METADATA_OVERHEAD : old.length());
            if (unit.maxUsedBytes() != PutUnit.NO_LIMIT && owner.usedBytes() + delta > unit.maxUsedBytes()) {
                throw new PubkyException(ErrorCode.QUOTA_EXCEEDED, "Disk space quota exceeded");
            }
            Entry entry = new Entry(unit.user(), unit.path(), unit.blob().id(), unit.contentHash(),
                    unit.blob().length(), unit.contentType(), unit.at(), old == null ? unit.at() : old.createdAt());
            Event event = new Event(state.nextCursor, EventType.PUT, unit.user(), unit.path(),
                    Optional.of(unit.contentHash()), unit.at());
            commit(paths, owner, old, entry, delta, event);
            return new PutOutcome(entry, Optional.ofNullable(old), event);
        });
        events.wakeListeners();
        return outcome;
    }

    @Override
    public DeleteOutcome delete(String user, String path, Instant at) {
        DeleteOutcome outcome = guard.write(() -> {
            UserRecord owner = state.users.get(user);
            Entry old = state.entriesOrEmpty(user).get(path);
            if (owner == null || old == null) {
                throw new PubkyException(ErrorCode.NOT_FOUND, "File not found");
            }
            Event event = new Event(state.nextCursor, EventType.DEL, user, path, Optional.empty(), at);
            commit(state.entriesOf(user), owner, old, null, -old.accountedBytes(), event);
            return new DeleteOutcome(old, event);
        });
        events.wakeListeners();
        return outcome;
    }

    @Override
    public boolean isBlobReferenced(String blobId) {
        return guard.read(() -> state.blobReferences.containsKey(blobId));
    }

    /** A file is an ancestor of the path, or the path is an ancestor of an entry. */
    private static boolean collides(NavigableMap<String, Entry> paths, String path) {
        for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (paths.containsKey(path.substring(0, slash))) {
                return true;
            }
        }
        return InMemoryListing.hasPathsBelow(paths, path + '/');
    }

    /**
     * Replaces {@code old} by {@code entry} (either may be null), moves the owner's usage by
     * {@code delta} and appends {@code event}, calling the probe after each step and undoing the
     * steps already taken if anything throws.
     */
    private void commit(NavigableMap<String, Entry> paths, UserRecord owner, Entry old, Entry entry, long delta,
            Event event) {
        Deque<Runnable> undo = new ArrayDeque<>();
        try {
            String path = event.path();
            if (entry == null) {
                paths.remove(path);
            } else {
                paths.put(path, entry);
                reference(entry.blobId(), 1);
                undo.push(() -> reference(entry.blobId(), -1));
            }
            if (old != null) {
                reference(old.blobId(), -1);
                undo.push(() -> reference(old.blobId(), 1));
            }
            undo.push(() -> {
                if (old == null) {
                    paths.remove(path);
                } else {
                    paths.put(path, old);
                }
            });
            probe.reached(UnitProbe.ENTRY_WRITTEN);

            state.users.put(owner.user(), new UserRecord(owner.user(), owner.disabled(), owner.usedBytes() + delta,
                    owner.createdAt(), owner.quota()));
            undo.push(() -> state.users.put(owner.user(), owner));
            probe.reached(UnitProbe.USAGE_UPDATED);

            List<Event> mine = state.eventsByUser.computeIfAbsent(owner.user(), u -> new java.util.ArrayList<>());
            state.events.add(event);
            mine.add(event);
            state.nextCursor++;
            undo.push(() -> {
                state.events.remove(state.events.size() - 1);
                mine.remove(mine.size() - 1);
            });
            probe.reached(UnitProbe.EVENT_APPENDED);
        } catch (RuntimeException | Error e) {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
            throw e;
        }
    }

    private void reference(String blobId, int change) {
        state.blobReferences.merge(blobId, change, (a, b) -> a + b == 0 ? null : a + b);
    }
}
