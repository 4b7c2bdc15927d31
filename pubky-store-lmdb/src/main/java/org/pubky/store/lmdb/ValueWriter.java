package org.pubky.store.lmdb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Builds one stored value: a growable byte array with the primitives of the on-disk format
 * (unsigned LEB128 varints, zig-zag signed varints, length-prefixed UTF-8 and bytes, instants as
 * seconds + nanoseconds). Not thread-safe; one writer per value.
 */
final class ValueWriter {
    private byte[] buf;
    private int len;

    ValueWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    ValueWriter u8(int value) {
        ensure(1);
        buf[len++] = (byte) value;
        return this;
    }

    /** Unsigned LEB128 of a non-negative value. */
    ValueWriter varLong(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("varLong of a negative value");
        }
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            buf[len++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buf[len++] = (byte) value;
        return this;
    }

    /** Zig-zag then LEB128, so small negative numbers stay short. */
    ValueWriter zigZag(long value) {
        ensure(10);
        long v = (value << 1) ^ (value >> 63);
        while ((v & ~0x7FL) != 0) {
            buf[len++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
        return this;
    }

    ValueWriter raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
        return this;
    }

    ValueWriter bytes(byte[] bytes) {
        varLong(bytes.length);
        return raw(bytes);
    }

    ValueWriter string(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    ValueWriter instant(Instant at) {
        zigZag(at.getEpochSecond());
        return varLong(at.getNano());
    }

    ValueWriter bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
