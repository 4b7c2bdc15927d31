package org.pubky.core.storage.memory;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventLog;
import org.pubky.spi.storage.EventQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log of an {@link InMemoryMetadataStore}: a list in cursor order plus one per user.
 * Listeners are called on the committing thread right after its unit released the lock; one that
 * throws is logged and does not disturb the others or the unit, which is already committed.
 */
final class InMemoryEventLog implements EventLog {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryEventLog.class);
    private static final Comparator<Event> BY_CURSOR = Comparator.comparingLong(Event::cursor);

    private final InMemoryGuard guard;
    private final InMemoryState state;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    InMemoryEventLog(InMemoryGuard guard, InMemoryState state) {
        this.guard = guard;
        this.state = state;
    }

    @Override
    public List<Event> read(EventQuery query) {
        return guard.read(() -> {
            if (query.users().isEmpty()) {
                return collect(state.events, query.cursor(), query);
            }
            List<Event> merged = new ArrayList<>();
            for (Map.Entry<String, Long> user : query.users().entrySet()) {
                merged.addAll(collect(state.eventsByUser.getOrDefault(user.getKey(), List.of()), user.getValue(), query));
            }
            merged.sort(query.reverse() ? BY_CURSOR.reversed() : BY_CURSOR);
            return List.copyOf(merged.subList(0, Math.min(query.limit(), merged.size())));
        });
    }

    @Override
    public long lastCursor() {
        return guard.read(() -> state.events.isEmpty() ? 0 : state.events.get(state.events.size() - 1).cursor());
    }

    @Override
    public Subscription subscribe(Runnable listener) {
        requireNonNull(listener, "listener is null");
        guard.read(() -> listeners.add(listener));
        return () -> listeners.remove(listener);
    }

    /** Calls every listener; called by units after they released the lock. */
    void wakeListeners() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("an event listener failed", e);
            }
        }
    }

    /** Drops every listener when the store closes. */
    void closeListeners() {
        listeners.clear();
    }

    /** Up to {@code limit} events of {@code log} after (before, in reverse) {@code cursor} that pass the path filters. */
    private static List<Event> collect(List<Event> log, long cursor, EventQuery query) {
        List<Event> out = new ArrayList<>();
        if (query.reverse()) {
            int from = cursor == 0 ? log.size() - 1 : firstAbove(log, cursor - 1) - 1;
            for (int i = from; i >= 0 && out.size() < query.limit(); i--) {
                if (query.matchesPath(log.get(i).path())) {
                    out.add(log.get(i));
                }
            }
        } else {
            for (int i = firstAbove(log, cursor); i < log.size() && out.size() < query.limit(); i++) {
                if (query.matchesPath(log.get(i).path())) {
                    out.add(log.get(i));
                }
            }
        }
        return out;
    }

    /** The index of the first event whose cursor is above {@code cursor}. */
    private static int firstAbove(List<Event> log, long cursor) {
        int low = 0;
        int high = log.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (log.get(mid).cursor() <= cursor) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
