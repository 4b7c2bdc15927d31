package org.pubky.store.jdbc.metadata;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Paths as the database stores them: their UTF-8 bytes, compared unsigned. In that form a
 * directory's contents are one contiguous key range, {@code [dir, dir0)}, where {@code dir0} is
 * the directory with its trailing {@code /} (0x2F) replaced by {@code 0} (0x30). 0x2F never occurs
 * inside a multi-byte UTF-8 sequence, so searching bytes for {@code /} finds path separators only.
 */
final class PathBytes {
    /** The longest path the columns hold; the protocol allows 972 bytes. */
    static final int MAX_BYTES = 1024;
    static final byte SLASH = '/';

    private PathBytes() {
    }

    static byte[] encode(String path) {
        byte[] b = path.getBytes(StandardCharsets.UTF_8);
        if (b.length > MAX_BYTES) {
            throw new PubkyException(ErrorCode.INVALID_PATH, "path is longer than " + MAX_BYTES + " bytes");
        }
        return b;
    }

    /** Like {@link #encode} for bounds and filters, where an over-long value is simply clipped. */
    static byte[] encodeBound(String path) {
        byte[] b = path.getBytes(StandardCharsets.UTF_8);
        return b.length > MAX_BYTES + 1 ? Arrays.copyOf(b, MAX_BYTES + 1) : b;
    }

    static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The exclusive upper bound of everything below directory bytes {@code dir} (ending in '/'). */
    static byte[] directoryEnd(byte[] dir) {
        byte[] end = dir.clone();
        end[end.length - 1] = SLASH + 1;
        return end;
    }

    /** {@code bytes[0..length)} followed by {@code last}. */
    static byte[] prefixWith(byte[] bytes, int length, byte last) {
        byte[] out = Arrays.copyOf(bytes, length + 1);
        out[length] = last;
        return out;
    }

    /** True if {@code bytes} starts with {@code prefix}. */
    static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Index of the first '/' at or after {@code from}, or -1. */
    static int indexOfSlash(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == SLASH) {
                return i;
            }
        }
        return -1;
    }

    /** Unsigned byte order, the listing order. */
    static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }
}
