package org.pubky.core.homeserver.events;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The query of the legacy feed {@code GET /events/}, read as the reference's listing parameters:
 * when a key repeats the last value wins; {@code cursor} defaults to {@code 0} (an empty value
 * too) and loses a leading {@code pubky://}; {@code limit} defaults to {@value #DEFAULT_LIMIT}, is
 * capped at {@value #MAX_LIMIT}, and a value that is not a number from 0 to 65535 is ignored
 * ({@code limit=0} asks for an empty page); {@code reverse} and {@code shallow} are ignored but must
 * be booleans, as on listings.
 *
 * @param cursor the cursor text, resolved later by {@link EventService#parseCursor}
 * @param limit the page size, 0 to {@value #MAX_LIMIT}
 */
public record FeedRequest(String cursor, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public FeedRequest {
        requireNonNull(cursor, "cursor is null");
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 0 to " + MAX_LIMIT);
        }
    }

    /**
     * Parses a raw query string (may be null).
     *
     * @throws PubkyException {@link ErrorCode#MALFORMED_INPUT} "Invalid boolean parameter"
     */
    public static FeedRequest parse(String rawQuery) {
        String cursor = null;
        String limit = null;
        for (Map.Entry<String, String> pair : FormQuery.parse(rawQuery)) {
            switch (pair.getKey()) {
                case "cursor" -> cursor = pair.getValue();
                case "limit" -> limit = pair.getValue();
                case "reverse", "shallow" -> checkBoolean(pair.getValue());
                default -> { }
            }
        }
        if (cursor == null || cursor.isEmpty()) {
            cursor = "0";
        } else if (cursor.startsWith("pubky://")) {
            cursor = cursor.substring("pubky://".length());
        }
        return new FeedRequest(cursor, parseLimit(limit));
    }

    private static int parseLimit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        long n = QueryValues.unsigned(value, 65535);
        return n < 0 ? DEFAULT_LIMIT : (int) Math.min(n, MAX_LIMIT);
    }

    private static void checkBoolean(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "", "true", "yes", "1", "false", "no", "0" -> { }
            default -> throw new PubkyException(ErrorCode.MALFORMED_INPUT, "Invalid boolean parameter");
        }
    }
}
