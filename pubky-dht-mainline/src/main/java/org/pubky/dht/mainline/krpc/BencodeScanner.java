package org.pubky.dht.mainline.krpc;

import java.util.Arrays;
import org.pubky.core.bencode.Bencode;

/**
 * A validating pass over bencode that neither allocates nor throws: it accepts exactly what
 * {@link Bencode#decode} accepts (canonical integers and lengths, strictly sorted dictionary keys,
 * at most {@link Bencode#MAX_DEPTH} nested containers, one value, no trailing bytes).
 *
 * <p>Why it exists: a DHT node receives junk all day, and the core decoder reports junk with a
 * {@link org.pubky.spi.PubkyException}, whose stack trace costs far more than the datagram is
 * worth. The receive loop runs this first and only hands well-formed datagrams to the decoder,
 * so dropping junk costs a linear scan and a counter increment. A property test proves the two
 * agree on random and mutated input. Stateless and thread-safe.
 */
public final class BencodeScanner {
    private BencodeScanner() {
    }

    /** True if {@code data[offset, offset + length)} is exactly one canonical bencoded value. */
    public static boolean isCanonical(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            return false;
        }
        int end = offset + length;
        return value(data, offset, end, 0) == end;
    }

    /** True if the input is one canonical dictionary (the shape of every KRPC message). */
    public static boolean isCanonicalDict(byte[] data, int offset, int length) {
        return length > 1 && offset >= 0 && offset < data.length && data[offset] == 'd'
                && isCanonical(data, offset, length);
    }

    /** Position after the value starting at {@code pos}, or -1. */
    private static int value(byte[] d, int pos, int end, int depth) {
        if (pos >= end) {
            return -1;
        }
        byte b = d[pos];
        if (b >= '0' && b <= '9') {
            int start = stringStart(d, pos, end);
            return start < 0 ? -1 : stringEnd(d, pos, start, end);
        }
        switch (b) {
            case 'i':
                return integer(d, pos, end);
            case 'l':
                return depth + 1 > Bencode.MAX_DEPTH ? -1 : list(d, pos + 1, end, depth + 1);
            case 'd':
                return depth + 1 > Bencode.MAX_DEPTH ? -1 : dict(d, pos + 1, end, depth + 1);
            default:
                return -1;
        }
    }

    /** Position of the first content byte of the string at {@code pos}, or -1. */
    private static int stringStart(byte[] d, int pos, int end) {
        int p = pos;
        int digits = 0;
        while (p < end && d[p] >= '0' && d[p] <= '9') {
            if (++digits > 10) {
                return -1;
            }
            p++;
        }
        if (p >= end || d[p] != ':' || (digits > 1 && d[pos] == '0')) {
            return -1;
        }
        return p + 1;
    }

    private static int stringEnd(byte[] d, int pos, int contentStart, int end) {
        long length = 0;
        for (int p = pos; p < contentStart - 1; p++) {
            length = length * 10 + (d[p] - '0');
        }
        if (length > end - contentStart) {
            return -1;
        }
        return contentStart + (int) length;
    }

    private static int integer(byte[] d, int pos, int end) {
        int p = pos + 1;
        boolean negative = p < end && d[p] == '-';
        if (negative) {
            p++;
        }
        int first = p;
        long value = 0;
        while (p < end && d[p] >= '0' && d[p] <= '9') {
            if (p - first >= 19) {
                return -1;
            }
            int digit = d[p] - '0';
            if (value < (Long.MIN_VALUE + digit) / 10) {
                return -1;
            }
            value = value * 10 - digit;
            p++;
        }
        int digits = p - first;
        if (p >= end || d[p] != 'e' || digits == 0) {
            return -1;
        }
        if (d[first] == '0' && (digits > 1 || negative)) {
            return -1;
        }
        if (!negative && value == Long.MIN_VALUE) {
            return -1;
        }
        return p + 1;
    }

    private static int list(byte[] d, int pos, int end, int depth) {
        int p = pos;
        while (true) {
            if (p >= end) {
                return -1;
            }
            if (d[p] == 'e') {
                return p + 1;
            }
            p = value(d, p, end, depth);
            if (p < 0) {
                return -1;
            }
        }
    }

    private static int dict(byte[] d, int pos, int end, int depth) {
        int p = pos;
        int prevStart = -1;
        int prevEnd = -1;
        while (true) {
            if (p >= end) {
                return -1;
            }
            byte b = d[p];
            if (b == 'e') {
                return p + 1;
            }
            if (b < '0' || b > '9') {
                return -1;
            }
            int keyStart = stringStart(d, p, end);
            if (keyStart < 0) {
                return -1;
            }
            int keyEnd = stringEnd(d, p, keyStart, end);
            if (keyEnd < 0) {
                return -1;
            }
            if (prevStart >= 0 && Arrays.compareUnsigned(d, prevStart, prevEnd, d, keyStart, keyEnd) >= 0) {
                return -1;
            }
            prevStart = keyStart;
            prevEnd = keyEnd;
            p = value(d, keyEnd, end, depth);
            if (p < 0) {
                return -1;
            }
        }
    }
}
