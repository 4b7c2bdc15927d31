package org.pubky.tck;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A stream of {@code length} pseudo-random bytes made on the fly from a seed, so that a test can
 * upload gigabytes without holding them; it hashes what it hands out (SHA-256) and can be told to
 * fail after a number of bytes, with an {@link IOException} or any runtime exception.
 */
public final class GeneratedContent extends InputStream {
    private final long length;
    private final long failAfter;
    private final Exception failure;
    private final MessageDigest digest = TckData.sha256();
    private long state;
    private long position;
    private long word;

    private GeneratedContent(long seed, long length, long failAfter, Exception failure) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative");
        }
        this.state = seed;
        this.length = length;
        this.failAfter = failAfter;
        this.failure = failure;
    }

    /** {@code length} bytes from {@code seed}. */
    public static GeneratedContent of(long seed, long length) {
        return new GeneratedContent(seed, length, Long.MAX_VALUE, null);
    }

    /** The same bytes, but reading past {@code failAfter} bytes throws {@code failure}. */
    public static GeneratedContent failing(long seed, long length, long failAfter, Exception failure) {
        if (!(failure instanceof IOException) && !(failure instanceof RuntimeException)) {
            throw new IllegalArgumentException("failure must be an IOException or a RuntimeException");
        }
        return new GeneratedContent(seed, length, failAfter, Objects.requireNonNull(failure, "failure is null"));
    }

    /** All {@code length} bytes from {@code seed}, for small contents. */
    public static byte[] bytes(long seed, int length) {
        try {
            return of(seed, length).readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("a generator without failure does not fail", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        if (position >= failAfter) {
            if (failure instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) failure;
        }
        int n = (int) Math.min(len, Math.min(length, failAfter) - position);
        int i = 0;
        while (i < n) {
            if ((position & 7) == 0) {
                word = next();
                if (n - i >= 8) {
                    for (int k = 0; k < 8; k++) {
                        b[off + i + k] = (byte) (word >>> (k << 3));
                    }
                    i += 8;
                    position += 8;
                    continue;
                }
            }
            b[off + i] = (byte) (word >>> ((position & 7) << 3));
            position++;
            i++;
        }
        digest.update(b, off, n);
        return n;
    }

    /** SHA-256 of the bytes handed out so far. */
    public byte[] sha256() {
        try {
            return ((MessageDigest) digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of the JDK are cloneable", e);
        }
    }

    /** How many bytes were handed out. */
    public long position() {
        return position;
    }

    /** SplitMix64. */
    private long next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
