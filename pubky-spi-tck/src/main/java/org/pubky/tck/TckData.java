package org.pubky.tck;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Values the contracts feed to stores: well-formed user keys and signup tokens, content hashes,
 * and an ordering written independently of {@link org.pubky.spi.storage.PathOrder} so that the
 * kit does not test the SPI's comparator with itself.
 */
public final class TckData {
    private static final String Z32 = "ybndrfg8ejkmcpqxot1uwisza345h769";
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** Orders strings by their UTF-8 bytes, unsigned: the listing order of the protocol. */
    public static final Comparator<String> UTF8_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private TckData() {
    }

    /** A random, canonical z-base-32 encoding of 32 bytes (52 characters), as user keys are. */
    public static String userKey() {
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        return z32(key);
    }

    /** A canonical z-base-32 key derived from {@code seed}, for reproducible data. */
    public static String userKey(long seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return z32(key);
    }

    /** Encodes 32 bytes as 52 z-base-32 characters; the 4 padding bits of the last one are zero. */
    static String z32(byte[] bytes) {
        StringBuilder out = new StringBuilder(52);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(Z32.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(Z32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** A random signup token, {@code XXXX-XXXX-XXXX} in upper-case Crockford base 32. */
    public static String signupToken() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder out = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(CROCKFORD.charAt(random.nextInt(32)));
        }
        return out.toString();
    }

    /** A 32-byte value derived from {@code seed}, standing in for a content or token hash. */
    public static byte[] hash(String seed) {
        return sha256(seed.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of {@code data}. */
    public static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
