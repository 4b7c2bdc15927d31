package org.pubky.core.homeserver.events;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventQuery;

/**
 * Which events one stream sends and how far it has got: per-user cursors (client streams) or one
 * global cursor with an optional user filter (admin streams), path filters, direction.
 *
 * <p>The filter part ({@link #matches}) is immutable and may be called from any thread; the
 * cursors are only touched by the owning stream's tasks.
 */
final class EventSelection {
    private final boolean perUser;
    private final Set<String> users;
    private final List<String> paths;
    private final boolean reverse;
    private final Map<String, Long> cursors;
    private long globalCursor;
    private final boolean empty;

    private EventSelection(boolean perUser, Set<String> users, List<String> paths, boolean reverse,
            Map<String, Long> cursors, long globalCursor, boolean empty) {
        this.perUser = perUser;
        this.users = Set.copyOf(users);
        this.paths = List.copyOf(paths);
        this.reverse = reverse;
        this.cursors = cursors;
        this.globalCursor = globalCursor;
        this.empty = empty;
    }

    /**
     * A client stream's selection.
     *
     * @param cursors each user's exclusive cursor in request order; {@code null} = no cursor (from
     *     the oldest, or when reversed from the newest)
     */
    static EventSelection perUser(LinkedHashMap<String, Long> cursors, List<String> paths, boolean reverse) {
        Map<String, Long> start = new HashMap<>();
        cursors.forEach((user, cursor) -> {
            // reversed, an explicit cursor 0 bounds from below everything: that user has nothing
            if (!(reverse && cursor != null && cursor == 0)) {
                start.put(user, cursor == null ? 0L : cursor);
            }
        });
        return new EventSelection(true, cursors.keySet(), paths, reverse, start, 0, start.isEmpty());
    }

    /**
     * An admin stream's selection.
     *
     * @param users the user filter, empty for everyone
     * @param cursor the exclusive global cursor, {@code null} for none
     * @param paths the path filters, empty for every path
     */
    static EventSelection global(Set<String> users, Long cursor, List<String> paths, boolean reverse) {
        boolean empty = reverse && cursor != null && cursor == 0;
        return new EventSelection(false, users, paths, reverse, Map.of(), cursor == null ? 0 : cursor, empty);
    }

    /** The store query for the next {@code limit} events, or null when nothing can match. */
    EventQuery next(int limit) {
        if (empty) {
            return null;
        }
        if (perUser) {
            return new EventQuery(cursors, 0, paths, limit, reverse);
        }
        if (users.isEmpty()) {
            return new EventQuery(Map.of(), globalCursor, paths, limit, reverse);
        }
        Map<String, Long> byUser = new HashMap<>();
        for (String user : users) {
            byUser.put(user, globalCursor);
        }
        return new EventQuery(byUser, 0, paths, limit, reverse);
    }

    /** Moves the cursor past an event that was sent. */
    void advance(Event event) {
        if (perUser) {
            cursors.put(event.user(), event.cursor());
        } else {
            globalCursor = event.cursor();
        }
    }

    /** True if the event passes the user and path filters (cursors aside). Thread-safe. */
    boolean matches(Event event) {
        if (empty || (!users.isEmpty() && !users.contains(event.user()))) {
            return false;
        }
        if (paths.isEmpty()) {
            return true;
        }
        String path = event.path();
        for (String filter : paths) {
            if (filter.endsWith("/") ? path.startsWith(filter) : path.equals(filter)) {
                return true;
            }
        }
        return false;
    }

    /** True if a matching event lies after the cursors (not sent yet); forward streams only. */
    boolean isNew(Event event) {
        if (perUser) {
            Long cursor = cursors.get(event.user());
            return cursor != null && event.cursor() > cursor;
        }
        return event.cursor() > globalCursor;
    }
}
