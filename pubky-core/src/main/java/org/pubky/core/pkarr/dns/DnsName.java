package org.pubky.core.pkarr.dns;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * An absolute domain name as a sequence of labels, each 1–63 arbitrary bytes, at most 255 bytes
 * in wire form.
 *
 * <p>Equality is byte-exact and therefore case-sensitive, like the Rust {@code simple-dns} crate
 * that PKARR is built on (and unlike classic DNS). {@link #toString()} is the form PKARR compares
 * names by: labels decoded as UTF-8 (malformed bytes become U+FFFD) joined with {@code .}, without
 * a trailing dot; the root is the empty string.
 *
 * <p>Immutable and thread-safe.
 */
public final class DnsName {
    /** Longest label, in bytes. */
    public static final int MAX_LABEL_LENGTH = 63;
    /** Longest name in wire form (length bytes, labels and the final zero byte). */
    public static final int MAX_WIRE_LENGTH = 255;
    /** The root name (no labels), written as a single zero byte. */
    public static final DnsName ROOT = new DnsName(new byte[0][]);

    private final byte[][] labels;
    private final int wireLength;
    private final String text;

    private DnsName(byte[][] labels) {
        this.labels = labels;
        int length = 1;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < labels.length; i++) {
            length += 1 + labels[i].length;
            if (i > 0) {
                sb.append('.');
            }
            sb.append(new String(labels[i], StandardCharsets.UTF_8));
        }
        this.wireLength = length;
        this.text = sb.toString();
    }

    /**
     * Parses dotted text: labels are the UTF-8 bytes between dots; one trailing dot is allowed;
     * {@code ""} and {@code "."} are the root. No escapes are interpreted.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_DNS_PACKET} for an empty label or a label or
     *     name that is too long
     */
    public static DnsName of(String text) {
        requireNonNull(text, "text is null");
        if (text.isEmpty() || text.equals(".")) {
            return ROOT;
        }
        String s = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        List<byte[]> labels = new ArrayList<>();
        int start = 0;
        while (true) {
            int dot = s.indexOf('.', start);
            String label = dot < 0 ? s.substring(start) : s.substring(start, dot);
            if (label.isEmpty()) {
                throw invalid("empty label in name '" + abbreviate(text) + "'");
            }
            labels.add(label.getBytes(StandardCharsets.UTF_8));
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        return fromLabels(labels);
    }

    /**
     * A name of raw labels (copied), first label first.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_DNS_PACKET} if a label is empty or longer
     *     than 63 bytes, or the name is longer than 255 bytes in wire form
     */
    public static DnsName fromLabels(List<byte[]> labels) {
        requireNonNull(labels, "labels is null");
        byte[][] copy = new byte[labels.size()][];
        int length = 1;
        for (int i = 0; i < copy.length; i++) {
            byte[] label = requireNonNull(labels.get(i), "label is null");
            if (label.length == 0 || label.length > MAX_LABEL_LENGTH) {
                throw invalid("DNS label must be 1 to 63 bytes, got " + label.length);
            }
            length += 1 + label.length;
            copy[i] = label.clone();
        }
        if (length > MAX_WIRE_LENGTH) {
            throw invalid("DNS name is " + length + " bytes in wire form, more than 255");
        }
        return copy.length == 0 ? ROOT : new DnsName(copy);
    }

    /** Takes ownership of labels that the wire decoder already validated. */
    static DnsName ofValidatedLabels(byte[][] labels) {
        return labels.length == 0 ? ROOT : new DnsName(labels);
    }

    /** Number of labels; 0 for the root. */
    public int labelCount() {
        return labels.length;
    }

    /** A copy of label {@code index} (0 = leftmost). */
    public byte[] label(int index) {
        return labels[index].clone();
    }

    /** True for the root name. */
    public boolean isRoot() {
        return labels.length == 0;
    }

    /** Length of the uncompressed wire form. */
    public int wireLength() {
        return wireLength;
    }

    /** The uncompressed wire form: length-prefixed labels and a zero byte. */
    public byte[] toWire() {
        byte[] out = new byte[wireLength];
        int p = 0;
        for (byte[] label : labels) {
            out[p++] = (byte) label.length;
            System.arraycopy(label, 0, out, p, label.length);
            p += label.length;
        }
        return out;
    }

    /** Dotted UTF-8 form without trailing dot; the root is {@code ""}. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DnsName other && Arrays.deepEquals(labels, other.labels);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(labels);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static PubkyException invalid(String message) {
        return new PubkyException(ErrorCode.INVALID_DNS_PACKET, message);
    }
}
