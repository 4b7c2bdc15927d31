package org.pubky.core.bencode;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A bencoded byte string. Bencode strings are raw bytes; text is only a convenience.
 *
 * <p>A decoded string is a view on the decoder's input (no copy); values built with
 * {@link #of(byte[])} own a private copy. Either way the content never changes as long as the
 * decoded input is left alone. Equality, hash code and ordering are by content; the ordering is
 * unsigned lexicographic, the order bencode dictionaries sort their keys in.
 */
public final class BencodeString implements BencodeValue, Comparable<BencodeString> {
    private static final BencodeString EMPTY = new BencodeString(new byte[0], 0, 0);

    private final byte[] data;
    private final int offset;
    private final int length;

    private BencodeString(byte[] data, int offset, int length) {
        this.data = data;
        this.offset = offset;
        this.length = length;
    }

    /** A string holding a copy of {@code bytes}. */
    public static BencodeString of(byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        return bytes.length == 0 ? EMPTY : new BencodeString(bytes.clone(), 0, bytes.length);
    }

    /** A string holding the UTF-8 bytes of {@code text}. */
    public static BencodeString of(String text) {
        requireNonNull(text, "text is null");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return bytes.length == 0 ? EMPTY : new BencodeString(bytes, 0, bytes.length);
    }

    /** A view on {@code data[offset, offset + length)} without copying; the caller keeps it unchanged. */
    static BencodeString view(byte[] data, int offset, int length) {
        return length == 0 ? EMPTY : new BencodeString(data, offset, length);
    }

    /** Number of bytes. */
    public int length() {
        return length;
    }

    /** True if the string has no bytes. */
    public boolean isEmpty() {
        return length == 0;
    }

    /** The byte at {@code index} (0-based). */
    public byte byteAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " outside a string of " + length + " bytes");
        }
        return data[offset + index];
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return Arrays.copyOfRange(data, offset, offset + length);
    }

    /** Copies the bytes into {@code target} at {@code targetOffset}. */
    public void copyTo(byte[] target, int targetOffset) {
        System.arraycopy(data, offset, target, targetOffset, length);
    }

    /** The bytes decoded as UTF-8 (malformed sequences become U+FFFD). */
    public String utf8() {
        return new String(data, offset, length, StandardCharsets.UTF_8);
    }

    /** True if the content equals {@code bytes}. */
    public boolean contentEquals(byte[] bytes) {
        return Arrays.equals(data, offset, offset + length, bytes, 0, bytes.length);
    }

    /** Compares with the ASCII (or Latin-1) string {@code key} byte by byte, without allocating. */
    int compareToAscii(String key) {
        int n = Math.min(length, key.length());
        for (int i = 0; i < n; i++) {
            int a = data[offset + i] & 0xff;
            int b = key.charAt(i) & 0xff;
            if (a != b) {
                return a - b;
            }
        }
        return length - key.length();
    }

    void writeTo(BencodeWriter writer) {
        writer.writeString(data, offset, length);
    }

    @Override
    public String kind() {
        return "string";
    }

    @Override
    public int compareTo(BencodeString other) {
        return Arrays.compareUnsigned(data, offset, offset + length, other.data, other.offset, other.offset + other.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BencodeString other
                && Arrays.equals(data, offset, offset + length, other.data, other.offset, other.offset + other.length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + data[i];
        }
        return h;
    }

    /** Printable ASCII as is, anything else as {@code \xNN}; for logs and test output. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(length + 2).append('"');
        for (int i = offset, end = offset + length; i < end; i++) {
            int b = data[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        return sb.append('"').toString();
    }
}
