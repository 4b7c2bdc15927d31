package org.pubky.core.pkarr.dns;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * A text record (type 16): one or more character strings of 0–255 bytes each.
 *
 * <p>{@link #of(String)} splits text the way {@code simple-dns} does ({@code TXT::try_from(&str)}):
 * UTF-8 bytes in chunks of 254, and the empty text as one empty string, so Java and Rust encode
 * the same text to the same bytes. Immutable; arrays are copied in and out; equality by content.
 *
 * @param strings the character strings, in wire order
 */
public record TxtRecord(List<byte[]> strings) implements RData {
    /** Longest character string. */
    public static final int MAX_STRING_LENGTH = 255;
    private static final int CHUNK = 254;

    public TxtRecord {
        requireNonNull(strings, "strings is null");
        if (strings.isEmpty()) {
            throw new PubkyException(ErrorCode.INVALID_DNS_PACKET, "a TXT record needs at least one string");
        }
        List<byte[]> copy = new ArrayList<>(strings.size());
        for (byte[] s : strings) {
            requireNonNull(s, "string is null");
            if (s.length > MAX_STRING_LENGTH) {
                throw new PubkyException(ErrorCode.INVALID_DNS_PACKET,
                        "a TXT character string has at most 255 bytes, got " + s.length);
            }
            copy.add(s.clone());
        }
        strings = List.copyOf(copy);
    }

    /** The record for {@code text}: UTF-8, split into 254-byte strings. */
    public static TxtRecord of(String text) {
        requireNonNull(text, "text is null");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += CHUNK) {
            chunks.add(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + CHUNK)));
        }
        if (chunks.isEmpty()) {
            chunks.add(new byte[0]);
        }
        return new TxtRecord(chunks);
    }

    /** Copies of the character strings. */
    @Override
    public List<byte[]> strings() {
        List<byte[]> out = new ArrayList<>(strings.size());
        for (byte[] s : strings) {
            out.add(s.clone());
        }
        return out;
    }

    /** Number of character strings. */
    public int count() {
        return strings.size();
    }

    /** All strings concatenated and decoded as UTF-8 (malformed bytes become U+FFFD). */
    public String text() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] s : strings) {
            out.writeBytes(s);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    List<byte[]> rawStrings() {
        return strings;
    }

    @Override
    public int type() {
        return DnsType.TXT;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TxtRecord other) || other.strings.size() != strings.size()) {
            return false;
        }
        for (int i = 0; i < strings.size(); i++) {
            if (!Arrays.equals(strings.get(i), other.strings.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (byte[] s : strings) {
            h = 31 * h + Arrays.hashCode(s);
        }
        return h;
    }

    @Override
    public String toString() {
        return "TxtRecord[" + text() + "]";
    }
}
