package org.pubky.core.homeserver.events;

import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.StoragePath;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/** Reading single query values the way the reference's Rust parsers do. */
final class QueryValues {
    private QueryValues() {
    }

    /**
     * An unsigned decimal as Rust's integer parsing reads it (digits with an optional leading
     * {@code +}), or -1 if it does not parse or exceeds {@code max}.
     */
    static long unsigned(String text, long max) {
        int start = text.startsWith("+") ? 1 : 0;
        if (start == text.length()) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (value > (max - (c - '0')) / 10) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** True only for {@code true} and {@code 1}, as the stream's flags are read. */
    static boolean flag(String value) {
        return value.equals("true") || value.equals("1");
    }

    /** The {@code limit} of a stream: 1 to 65535, else 400. */
    static int streamLimit(String value) {
        long n = unsigned(value, 65535);
        if (n < 0) {
            throw bad("Invalid limit: " + value);
        }
        if (n == 0) {
            throw bad("limit must be at least 1");
        }
        return (int) n;
    }

    /** A {@code path} filter: a leading {@code /} added if missing, then normalized. */
    static StoragePath pathFilter(String value) {
        String absolute = value.startsWith("/") ? value : "/" + value;
        try {
            return StoragePath.normalize(absolute);
        } catch (PubkyException e) {
            throw new PubkyException(ErrorCode.INVALID_PATH, "Invalid path: " + absolute);
        }
    }

    /** A {@code user} key in z-base-32; the {@code pubky} display form is refused. */
    static PublicKey user(String text) {
        if (PublicKey.isDisplayForm(text)) {
            throw invalidKey(text);
        }
        try {
            return PublicKey.fromZ32(text);
        } catch (PubkyException e) {
            throw invalidKey(text);
        }
    }

    private static PubkyException invalidKey(String text) {
        return new PubkyException(ErrorCode.INVALID_PUBLIC_KEY, "Invalid public key: " + text);
    }

    static PubkyException bad(String message) {
        return new PubkyException(ErrorCode.MALFORMED_INPUT, message);
    }
}
