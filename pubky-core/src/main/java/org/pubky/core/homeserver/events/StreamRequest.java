package org.pubky.core.homeserver.events;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.StoragePath;
import org.pubky.spi.PubkyException;

/**
 * The query of {@code GET /events-stream}, validated as the reference does (HS-EVT-011):
 * {@code user=<z32>} or {@code user=<z32>:<cursor>} repeated 1 to {@value #MAX_USERS} times (empty
 * values skipped), {@code limit} 1 to 65535, {@code reverse} and {@code live} true only for
 * {@code true} or {@code 1} and not both, {@code path} repeated (empty values skipped, a leading
 * {@code /} added, normalized; a trailing {@code /} selects a directory, anything else one file).
 * Unknown keys are ignored. Checks run in the reference's order: the limit while reading, then
 * live with reverse, the keys, the number of users, the paths.
 *
 * @param users the users in request order, duplicates kept (the last cursor of a user wins)
 * @param limit how many events to send before ending the stream, if bounded
 * @param reverse newest first
 * @param live keep the stream open for new events after the history
 * @param paths the path filters in request order; empty means the default {@code /pub/}
 */
public record StreamRequest(List<UserCursor> users, OptionalInt limit, boolean reverse, boolean live,
        List<StoragePath> paths) {
    /** The most users one stream may follow. */
    public static final int MAX_USERS = 50;

    public StreamRequest {
        users = List.copyOf(requireNonNull(users, "users is null"));
        requireNonNull(limit, "limit is null");
        paths = List.copyOf(requireNonNull(paths, "paths is null"));
    }

    /**
     * One {@code user} value.
     *
     * @param user the key
     * @param cursor the cursor text after the first {@code :}, resolved later (decimal id or
     *     legacy timestamp)
     */
    public record UserCursor(PublicKey user, Optional<String> cursor) {
        public UserCursor {
            requireNonNull(user, "user is null");
            requireNonNull(cursor, "cursor is null");
        }
    }

    /**
     * Parses a raw query string (may be null).
     *
     * @throws PubkyException 400 with the reference's message
     */
    public static StreamRequest parse(String rawQuery) {
        List<String> userValues = new ArrayList<>();
        List<String> pathValues = new ArrayList<>();
        OptionalInt limit = OptionalInt.empty();
        boolean reverse = false;
        boolean live = false;
        for (Map.Entry<String, String> pair : FormQuery.parse(rawQuery)) {
            String value = pair.getValue();
            switch (pair.getKey()) {
                case "user" -> userValues.add(value);
                case "limit" -> limit = OptionalInt.of(QueryValues.streamLimit(value));
                case "reverse" -> reverse = QueryValues.flag(value);
                case "live" -> live = QueryValues.flag(value);
                case "path" -> {
                    if (!value.isEmpty()) {
                        pathValues.add(value);
                    }
                }
                default -> { }
            }
        }
        if (live && reverse) {
            throw QueryValues.bad("Cannot use live mode with reverse ordering");
        }
        List<UserCursor> users = new ArrayList<>(userValues.size());
        for (String value : userValues) {
            if (value.isEmpty()) {
                continue;
            }
            int colon = value.indexOf(':');
            String key = colon < 0 ? value : value.substring(0, colon);
            Optional<String> cursor = colon < 0 ? Optional.empty() : Optional.of(value.substring(colon + 1));
            users.add(new UserCursor(QueryValues.user(key), cursor));
        }
        if (users.isEmpty()) {
            throw QueryValues.bad("user parameter is required");
        }
        if (users.size() > MAX_USERS) {
            throw QueryValues.bad("Too many users. Maximum allowed: " + MAX_USERS);
        }
        List<StoragePath> paths = new ArrayList<>(pathValues.size());
        for (String value : pathValues) {
            paths.add(QueryValues.pathFilter(value));
        }
        return new StreamRequest(users, limit, reverse, live, paths);
    }

    /** True if any path filter lies under {@code /priv/}: the stream then needs authorization. */
    public boolean wantsPrivate() {
        return paths.stream().anyMatch(StoragePath::isPrivate);
    }
}
