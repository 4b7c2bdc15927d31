package org.pubky.spi.storage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * Which events to read.
 *
 * @param users per-user exclusive cursors; empty means every user, starting after
 *     {@code cursor}
 * @param cursor the exclusive cursor when {@code users} is empty (0 = from the beginning; when
 *     {@code reverse}, 0 = from the newest)
 * @param paths path filters, combined with OR: one ending in {@code /} matches every path below it,
 *     any other matches that exact path; empty matches everything
 * @param limit the maximum number of events, at least 1
 * @param reverse newest first (cursors then bound from above)
 */
public record EventQuery(Map<String, Long> users, long cursor, List<String> paths, int limit, boolean reverse) {
    public EventQuery {
        users = Map.copyOf(requireNonNull(users, "users is null"));
        users.forEach((user, c) -> {
            Checks.user(user);
            Checks.nonNegative(c, "cursor of " + user);
        });
        Checks.nonNegative(cursor, "cursor");
        paths = List.copyOf(requireNonNull(paths, "paths is null"));
        paths.forEach(Checks::path);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    /** True if {@code path} passes the path filters. */
    public boolean matchesPath(String path) {
        if (paths.isEmpty()) {
            return true;
        }
        for (String filter : paths) {
            if (filter.endsWith("/") ? path.startsWith(filter) : path.equals(filter)) {
                return true;
            }
        }
        return false;
    }
}
