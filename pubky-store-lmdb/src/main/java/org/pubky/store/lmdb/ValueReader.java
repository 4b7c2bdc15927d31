package org.pubky.store.lmdb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Reads one stored value written by {@link ValueWriter}. Every read is bounds-checked and every
 * length is checked against what remains before anything is allocated, so damaged bytes fail
 * with {@link ErrorCode#STORAGE_FAILURE} and never with an unchecked JDK exception or an
 * oversized allocation. Not thread-safe.
 */
final class ValueReader {
    private final byte[] buf;
    private int pos;

    ValueReader(byte[] buf) {
        this.buf = buf;
    }

    static PubkyException corrupt(String what) {
        return new PubkyException(ErrorCode.STORAGE_FAILURE, "corrupt LMDB record: " + what);
    }

    int remaining() {
        return buf.length - pos;
    }

    int u8() {
        if (pos >= buf.length) {
            throw corrupt("truncated");
        }
        return buf[pos++] & 0xFF;
    }

    long varLong() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            if (shift == 63 && (b & 0x7E) != 0) {
                throw corrupt("varint overflow");
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw corrupt("varint too long");
    }

    long nonNegative() {
        long v = varLong();
        if (v < 0) {
            throw corrupt("negative value");
        }
        return v;
    }

    long zigZag() {
        long v = varLong();
        return (v >>> 1) ^ -(v & 1);
    }

    int length() {
        long n = varLong();
        if (n < 0 || n > remaining()) {
            throw corrupt("length beyond the end");
        }
        return (int) n;
    }

    byte[] raw(int n) {
        if (n < 0 || n > remaining()) {
            throw corrupt("truncated");
        }
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    void skip(int n) {
        if (n < 0 || n > remaining()) {
            throw corrupt("truncated");
        }
        pos += n;
    }

    byte[] bytes() {
        return raw(length());
    }

    String string() {
        int n = length();
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    Instant instant() {
        long seconds = zigZag();
        long nanos = varLong();
        if (nanos < 0 || nanos > 999_999_999L || seconds < Instant.MIN.getEpochSecond()
                || seconds > Instant.MAX.getEpochSecond()) {
            throw corrupt("instant out of range");
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    boolean bool() {
        int b = u8();
        if (b > 1) {
            throw corrupt("bad boolean");
        }
        return b == 1;
    }

    int intValue() {
        long v = zigZag();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw corrupt("int out of range");
        }
        return (int) v;
    }

    void expectVersion(int version, String what) {
        int v = u8();
        if (v != version) {
            throw corrupt("unknown " + what + " format version " + v);
        }
    }

    void expectEnd() {
        if (pos != buf.length) {
            throw corrupt("trailing bytes");
        }
    }
}
