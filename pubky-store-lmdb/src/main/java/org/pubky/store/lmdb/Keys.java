package org.pubky.store.lmdb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Key layouts. LMDB compares keys with {@code memcmp} (unsigned bytes, shorter first on a tie),
 * so every key that must sort is built from big-endian or UTF-8 bytes. Stateless.
 */
final class Keys {
    /** Users are 52-character z-base-32 strings: 52 ASCII bytes. */
    static final int USER_BYTES = 52;
    /**
     * How many leading bytes of a path go into an entry key. 52 + 448 = 500 stays below LMDB's
     * default maximum key size of 511 bytes; the rest of a longer path lives in the value.
     */
    static final int PATH_KEY_BYTES = 448;
    /** Larger than every byte of valid UTF-8, so {@code dir + 0xFF} bounds everything below dir. */
    static final byte AFTER_UTF8 = (byte) 0xFF;

    private Keys() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String string(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    static byte[] user(String user) {
        if (user == null || user.length() != USER_BYTES) {
            throw new PubkyException(ErrorCode.INVALID_PUBLIC_KEY, "user must be a 52-character z-base-32 key");
        }
        byte[] b = new byte[USER_BYTES];
        for (int i = 0; i < USER_BYTES; i++) {
            char ch = user.charAt(i);
            if (ch >= 0x80) {
                throw new PubkyException(ErrorCode.INVALID_PUBLIC_KEY, "user must be a 52-character z-base-32 key");
            }
            b[i] = (byte) ch;
        }
        return b;
    }

    /** Entry key: user bytes followed by at most {@link #PATH_KEY_BYTES} leading bytes of the path. */
    static byte[] entry(byte[] user, byte[] path) {
        int n = Math.min(path.length, PATH_KEY_BYTES);
        byte[] key = Arrays.copyOf(user, USER_BYTES + n);
        System.arraycopy(path, 0, key, USER_BYTES, n);
        return key;
    }

    /** The part of {@code path} that did not fit into its entry key. */
    static byte[] entrySuffix(byte[] path) {
        return path.length <= PATH_KEY_BYTES ? new byte[0] : Arrays.copyOfRange(path, PATH_KEY_BYTES, path.length);
    }

    static byte[] u64(long value) {
        byte[] b = new byte[8];
        putU64(b, 0, value);
        return b;
    }

    static void putU64(byte[] b, int at, long value) {
        for (int i = 7; i >= 0; i--) {
            b[at + i] = (byte) value;
            value >>>= 8;
        }
    }

    static long getU64(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }

    /** user + cursor: the per-user event index. */
    static byte[] userCursor(byte[] user, long cursor) {
        byte[] key = Arrays.copyOf(user, USER_BYTES + 8);
        putU64(key, USER_BYTES, cursor);
        return key;
    }

    /** 12 bytes that sort like the instant: seconds with the sign bit flipped, then nanoseconds. */
    static byte[] time(Instant at) {
        byte[] b = new byte[12];
        putU64(b, 0, at.getEpochSecond() ^ Long.MIN_VALUE);
        int nanos = at.getNano();
        b[8] = (byte) (nanos >>> 24);
        b[9] = (byte) (nanos >>> 16);
        b[10] = (byte) (nanos >>> 8);
        b[11] = (byte) nanos;
        return b;
    }

    /** {@link #time} followed by {@code tail}: an index ordered by time. */
    static byte[] timeThen(Instant at, byte[] tail) {
        return concat(time(at), tail);
    }

    /** One length byte, then {@code head}, then {@code tail}: a prefix that cannot run into the tail. */
    static byte[] prefixed(byte[] head, byte[] tail) {
        byte[] key = new byte[1 + head.length + tail.length];
        key[0] = (byte) head.length;
        System.arraycopy(head, 0, key, 1, head.length);
        System.arraycopy(tail, 0, key, 1 + head.length, tail.length);
        return key;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length >= prefix.length
                && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }

    static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }
}
