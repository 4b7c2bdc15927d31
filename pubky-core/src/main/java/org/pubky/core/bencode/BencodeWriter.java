package org.pubky.core.bencode;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Writes one bencoded value straight into a growable buffer, for hot paths (KRPC messages) that
 * should not build a value tree first.
 *
 * <p>The output is canonical by construction: integers are written minimally and dictionary keys
 * must be written in strictly increasing unsigned byte order, which the writer checks against the
 * previous key of the same dictionary (keys out of order: {@link ErrorCode#INVALID_BENCODE}).
 * Structural misuse (a value where a key is due, {@code end()} without a container, two top-level
 * values, unclosed containers) is a programming error: {@link ErrorCode#INTERNAL}.
 *
 * <p>Not thread-safe; one writer per message.
 */
public final class BencodeWriter {
    private static final byte LIST = 1;
    private static final byte DICT = 2;

    private byte[] buf;
    private int size;
    private int depth;
    private final byte[] containers = new byte[Bencode.MAX_DEPTH + 1];
    private final boolean[] keyDue = new boolean[Bencode.MAX_DEPTH + 1];
    private final int[] lastKeyOffset = new int[Bencode.MAX_DEPTH + 1];
    private final int[] lastKeyLength = new int[Bencode.MAX_DEPTH + 1];
    private boolean topLevelWritten;

    /** A writer with a 256-byte initial buffer. */
    public BencodeWriter() {
        this(256);
    }

    /** A writer whose buffer starts at {@code initialCapacity} bytes and grows as needed. */
    public BencodeWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** Writes a byte string (a dictionary key when a key is due). */
    public BencodeWriter writeString(byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        return writeString(bytes, 0, bytes.length);
    }

    /** Writes {@code bytes[offset, offset + length)} as a byte string (or key). */
    public BencodeWriter writeString(byte[] bytes, int offset, int length) {
        boolean isKey = depth > 0 && containers[depth] == DICT && keyDue[depth];
        if (isKey) {
            int prev = lastKeyLength[depth];
            if (prev >= 0 && Arrays.compareUnsigned(buf, lastKeyOffset[depth], lastKeyOffset[depth] + prev,
                    bytes, offset, offset + length) >= 0) {
                throw new PubkyException(ErrorCode.INVALID_BENCODE,
                        "dictionary keys must be written in strictly increasing byte order");
            }
        } else {
            beforeValue();
        }
        ensure(length + 11);
        writeDecimal(length);
        buf[size++] = ':';
        int keyOffset = size;
        System.arraycopy(bytes, offset, buf, size, length);
        size += length;
        if (isKey) {
            lastKeyOffset[depth] = keyOffset;
            lastKeyLength[depth] = length;
            keyDue[depth] = false;
        }
        return this;
    }

    /** Writes the UTF-8 bytes of {@code text} as a byte string (or key). */
    public BencodeWriter writeString(String text) {
        return writeString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes an integer in minimal form. */
    public BencodeWriter writeInteger(long value) {
        beforeValue();
        ensure(22);
        buf[size++] = 'i';
        if (value < 0) {
            buf[size++] = '-';
            if (value == Long.MIN_VALUE) {
                byte[] digits = "9223372036854775808".getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(digits, 0, buf, size, digits.length);
                size += digits.length;
                buf[size++] = 'e';
                return this;
            }
            value = -value;
        }
        writeDecimal(value);
        buf[size++] = 'e';
        return this;
    }

    /** Opens a list; close it with {@link #end()}. */
    public BencodeWriter beginList() {
        return begin(LIST, (byte) 'l');
    }

    /** Opens a dictionary; write key, value, key, value… then {@link #end()}. */
    public BencodeWriter beginDict() {
        return begin(DICT, (byte) 'd');
    }

    /** Closes the innermost open list or dictionary. */
    public BencodeWriter end() {
        if (depth == 0) {
            throw misuse("end() without an open list or dictionary");
        }
        if (containers[depth] == DICT && !keyDue[depth]) {
            throw misuse("dictionary closed after a key without its value");
        }
        depth--;
        ensure(1);
        buf[size++] = 'e';
        return this;
    }

    /** Writes a whole value tree. */
    public BencodeWriter write(BencodeValue value) {
        requireNonNull(value, "value is null");
        if (value instanceof BencodeString s) {
            s.writeTo(this);
        } else if (value instanceof BencodeInteger i) {
            writeInteger(i.value());
        } else if (value instanceof BencodeList l) {
            beginList();
            for (int k = 0; k < l.size(); k++) {
                write(l.get(k));
            }
            end();
        } else {
            BencodeDict d = (BencodeDict) value;
            beginDict();
            for (int k = 0; k < d.size(); k++) {
                d.keyAt(k).writeTo(this);
                write(d.valueAt(k));
            }
            end();
        }
        return this;
    }

    /** Number of bytes written so far. */
    public int size() {
        return size;
    }

    /** The encoded value; every container must be closed. */
    public byte[] toByteArray() {
        if (depth != 0 || !topLevelWritten) {
            throw misuse(depth != 0 ? depth + " containers are still open" : "nothing was written");
        }
        return Arrays.copyOf(buf, size);
    }

    private BencodeWriter begin(byte type, byte marker) {
        beforeValue();
        if (depth == Bencode.MAX_DEPTH) {
            throw new PubkyException(ErrorCode.INVALID_BENCODE, "nesting deeper than " + Bencode.MAX_DEPTH + " levels");
        }
        depth++;
        containers[depth] = type;
        keyDue[depth] = true;
        lastKeyLength[depth] = -1;
        ensure(1);
        buf[size++] = marker;
        return this;
    }

    private void beforeValue() {
        if (depth == 0) {
            if (topLevelWritten) {
                throw misuse("only one top-level value may be written");
            }
            topLevelWritten = true;
        } else if (containers[depth] == DICT) {
            if (keyDue[depth]) {
                throw misuse("a dictionary key (byte string) is due");
            }
            keyDue[depth] = true;
        }
    }

    private void writeDecimal(long value) {
        if (value == 0) {
            buf[size++] = '0';
            return;
        }
        int start = size;
        while (value > 0) {
            buf[size++] = (byte) ('0' + (value % 10));
            value /= 10;
        }
        for (int i = start, j = size - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    private static PubkyException misuse(String message) {
        return new PubkyException(ErrorCode.INTERNAL, "bencode writer misuse: " + message);
    }
}
