package org.pubky.core.encoding;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the postcard subset described in {@link PostcardReader}: raw bytes, minimal LEB128
 * varints and varint-length-prefixed UTF-8 strings. Not thread-safe.
 */
public final class PostcardWriter {
    private byte[] buffer;
    private int size;

    public PostcardWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    public PostcardWriter() {
        this(64);
    }

    /** Number of bytes the varint encoding of the unsigned {@code value} takes. */
    public static int varintSize(long value) {
        int bits = 64 - Long.numberOfLeadingZeros(value | 1);
        return (bits + 6) / 7;
    }

    public PostcardWriter writeU8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    /** Raw bytes, as for a fixed-size array. */
    public PostcardWriter writeFixed(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
        return this;
    }

    /** The unsigned 64-bit {@code value} as a minimal LEB128 varint. */
    public PostcardWriter writeVarU64(long value) {
        ensure(PostcardReader.MAX_VARINT_BYTES);
        long v = value;
        while ((v & ~0x7fL) != 0) {
            buffer[size++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        buffer[size++] = (byte) v;
        return this;
    }

    /** Varint byte length followed by UTF-8. Unpaired surrogates become {@code ?}. */
    public PostcardWriter writeString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeVarU64(utf8.length);
        return writeFixed(utf8);
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int extra) {
        if (buffer.length - size < extra) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }
}
