package org.pubky.jaxrs.client;

import java.util.Locale;
import java.util.Optional;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.StoragePath;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The listing parameters of a directory GET, parsed from the raw query string as the reference
 * does: key-only flags ({@code ?shallow&reverse}) mean true, an unparsable {@code limit} is
 * ignored, a bad cursor is a 400.
 */
record ListingQuery(int limit, Optional<String> cursor, boolean reverse, boolean shallow) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    static ListingQuery parse(String rawQuery) {
        int limit = DEFAULT_LIMIT;
        Optional<String> cursor = Optional.empty();
        boolean reverse = false;
        boolean shallow = false;
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = StorageTarget.decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : StorageTarget.decode(pair.substring(eq + 1).replace('+', ' '));
                switch (key) {
                    case "limit" -> limit = parseLimit(value, limit);
                    case "cursor" -> cursor = parseCursor(value);
                    case "reverse" -> reverse = bool(value);
                    case "shallow" -> shallow = bool(value);
                    default -> { }
                }
            }
        }
        return new ListingQuery(limit, cursor, reverse, shallow);
    }

    private static int parseLimit(String value, int fallback) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0 || n > 65535) {
                return fallback;
            }
            return Math.min(n == 0 ? DEFAULT_LIMIT : n, MAX_LIMIT);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "", "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new PubkyException(ErrorCode.MALFORMED_INPUT, "Invalid boolean parameter");
        };
    }

    /** {@code [pubky://]<z32><canonical path>}; only the path bounds the listing. */
    private static Optional<String> parseCursor(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.startsWith("pubky://") ? value.substring("pubky://".length()) : value;
        if (v.length() <= PublicKey.Z32_LENGTH) {
            throw invalidCursor();
        }
        try {
            PublicKey.fromZ32(v.substring(0, PublicKey.Z32_LENGTH));
            return Optional.of(StoragePath.parse(v.substring(PublicKey.Z32_LENGTH)).value());
        } catch (PubkyException e) {
            throw invalidCursor();
        }
    }

    private static PubkyException invalidCursor() {
        return new PubkyException(ErrorCode.MALFORMED_INPUT, "Invalid cursor");
    }
}
