package org.pubky.store.files;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * The ids this store hands out: {@code <14 hex digits of microseconds since the epoch>-<24 hex
 * digits of randomness>}, for example {@code 00062f4a3b2c1d-9f03c2e1d4b5a6978877665a}.
 *
 * <p>Why this shape: the fixed-width time prefix makes ids sort by creation time and lets
 * {@link FileBlobStore#scan} filter by age from the name alone, without a {@code stat} per blob;
 * 96 random bits make ids unique across processes sharing a directory without coordination; the
 * alphabet is lower-case hex and {@code -}, so an id is safe as a file name on every file system
 * (including case-insensitive ones) and cannot spell {@code ..}. The first four random digits
 * choose the two fan-out directories, which spreads blobs evenly whatever the write rate.
 *
 * <p>Thread-safe: {@link SecureRandom} is.
 */
final class BlobIds {
    static final int TIME_DIGITS = 14;
    static final int RANDOM_DIGITS = 24;
    static final int LENGTH = TIME_DIGITS + 1 + RANDOM_DIGITS;

    /** 14 hex digits of microseconds reach the year 4253. */
    private static final long MAX_MICROS = (1L << (4 * TIME_DIGITS)) - 1;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SecureRandom random = new SecureRandom();

    /** A new id stamped with {@code createdAt} (truncated to microseconds). */
    String next(Instant createdAt) {
        byte[] bytes = new byte[RANDOM_DIGITS / 2];
        random.nextBytes(bytes);
        char[] id = new char[LENGTH];
        long micros = floorMicros(createdAt);
        for (int i = TIME_DIGITS - 1; i >= 0; i--) {
            id[i] = HEX[(int) (micros & 0xf)];
            micros >>>= 4;
        }
        id[TIME_DIGITS] = '-';
        for (int i = 0; i < bytes.length; i++) {
            id[TIME_DIGITS + 1 + 2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            id[TIME_DIGITS + 2 + 2 * i] = HEX[bytes[i] & 0xf];
        }
        return new String(id);
    }

    private static long floorMicros(Instant instant) {
        if (instant.getEpochSecond() < 0) {
            return 0;
        }
        if (instant.getEpochSecond() > MAX_MICROS / 1_000_000) {
            return MAX_MICROS;
        }
        return Math.min(MAX_MICROS, instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000);
    }

    /**
     * Whether {@code name} has the exact shape of an id of this store. Decided from the string
     * alone, before any file-system access: anything else (a separator, {@code ..}, NUL, an
     * absolute path, upper case, any other length) names no blob of this store.
     */
    static boolean isId(String name) {
        if (name.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = name.charAt(i);
            if (i == TIME_DIGITS ? c != '-' : !isLowerHex(c)) {
                return false;
            }
        }
        return true;
    }

    /** Microseconds since the epoch at which the blob {@code id} (an {@link #isId id}) was created. */
    static long createdMicros(String id) {
        return Long.parseLong(id, 0, TIME_DIGITS, 16);
    }

    /**
     * The smallest creation time, in microseconds, that is <em>not</em> before {@code instant}: a
     * blob is created before {@code instant} exactly when {@code createdMicros(id) < micros}.
     * Saturates at both ends, so every instant is accepted.
     */
    static long ceilMicros(Instant instant) {
        if (instant.getEpochSecond() < 0) {
            return 0;
        }
        if (instant.getEpochSecond() > MAX_MICROS / 1_000_000) {
            return Long.MAX_VALUE;
        }
        return instant.getEpochSecond() * 1_000_000 + (instant.getNano() + 999) / 1000;
    }

    /** The first-level fan-out directory name of {@code id}: two hex digits. */
    static String level1(String id) {
        return id.substring(TIME_DIGITS + 1, TIME_DIGITS + 3);
    }

    /** The second-level fan-out directory name of {@code id}: two hex digits. */
    static String level2(String id) {
        return id.substring(TIME_DIGITS + 3, TIME_DIGITS + 5);
    }

    /** Whether {@code name} is a fan-out directory name: two lower-case hex digits. */
    static boolean isFanOutName(String name) {
        return name.length() == 2 && isLowerHex(name.charAt(0)) && isLowerHex(name.charAt(1));
    }

    private static boolean isLowerHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }
}
