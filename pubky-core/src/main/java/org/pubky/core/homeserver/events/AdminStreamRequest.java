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
 * The query of the admin {@code GET /events-stream} (HS-ADM-019 … 024): like
 * {@link StreamRequest} but {@code user} is an optional filter (a plain key, duplicates merged, at
 * most {@value StreamRequest#MAX_USERS}), a single global {@code cursor} replaces per-user cursors,
 * and without {@code path} every path matches, {@code /priv/} included. Values are checked while
 * reading in request order; then live with reverse, then the number of users.
 *
 * @param users the user filter; empty means every user
 * @param cursor the global cursor text, if any
 * @param limit how many events to send before ending, if bounded
 * @param reverse newest first
 * @param live keep the stream open for new events
 * @param paths the path filters; empty means every path
 */
public record AdminStreamRequest(List<PublicKey> users, Optional<String> cursor, OptionalInt limit, boolean reverse,
        boolean live, List<StoragePath> paths) {
    public AdminStreamRequest {
        users = List.copyOf(requireNonNull(users, "users is null"));
        requireNonNull(cursor, "cursor is null");
        requireNonNull(limit, "limit is null");
        paths = List.copyOf(requireNonNull(paths, "paths is null"));
    }

    /**
     * Parses a raw query string (may be null).
     *
     * @throws PubkyException 400 with the reference's message
     */
    public static AdminStreamRequest parse(String rawQuery) {
        List<PublicKey> users = new ArrayList<>();
        List<StoragePath> paths = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        OptionalInt limit = OptionalInt.empty();
        boolean reverse = false;
        boolean live = false;
        for (Map.Entry<String, String> pair : FormQuery.parse(rawQuery)) {
            String value = pair.getValue();
            switch (pair.getKey()) {
                case "user" -> {
                    if (!value.isEmpty()) {
                        PublicKey key = QueryValues.user(value);
                        if (!users.contains(key)) {
                            users.add(key);
                        }
                    }
                }
                case "cursor" -> {
                    if (!value.isEmpty()) {
                        cursor = Optional.of(value);
                    }
                }
                case "limit" -> limit = OptionalInt.of(QueryValues.streamLimit(value));
                case "live" -> live = QueryValues.flag(value);
                case "reverse" -> reverse = QueryValues.flag(value);
                case "path" -> {
                    if (!value.isEmpty()) {
                        paths.add(QueryValues.pathFilter(value));
                    }
                }
                default -> { }
            }
        }
        if (live && reverse) {
            throw QueryValues.bad("Cannot use live mode with reverse ordering");
        }
        if (users.size() > StreamRequest.MAX_USERS) {
            throw QueryValues.bad("Too many users. Maximum allowed: " + StreamRequest.MAX_USERS);
        }
        return new AdminStreamRequest(users, cursor, limit, reverse, live, paths);
    }
}
