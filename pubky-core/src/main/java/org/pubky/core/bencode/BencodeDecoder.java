package org.pubky.core.bencode;

import java.util.Arrays;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The strict recursive-descent parser behind {@link Bencode#decode}. One instance per call; not
 * thread-safe. Byte strings become views on the input.
 */
final class BencodeDecoder {
    private static final int MAX_LENGTH_DIGITS = 10;
    private static final int MAX_INTEGER_DIGITS = 19;

    private final byte[] data;
    private final int end;
    private final int maxDepth;
    private int pos;

    private BencodeDecoder(byte[] data, int offset, int end, int maxDepth) {
        this.data = data;
        this.pos = offset;
        this.end = end;
        this.maxDepth = maxDepth;
    }

    static BencodeValue decode(byte[] data, int offset, int length, int maxDepth) {
        BencodeDecoder decoder = new BencodeDecoder(data, offset, offset + length, maxDepth);
        BencodeValue value = decoder.value(0);
        if (decoder.pos != decoder.end) {
            throw decoder.fail((decoder.end - decoder.pos) + " trailing bytes after the value");
        }
        return value;
    }

    private BencodeValue value(int depth) {
        if (pos >= end) {
            throw fail("unexpected end of input");
        }
        byte b = data[pos];
        if (b >= '0' && b <= '9') {
            return string();
        }
        switch (b) {
            case 'i':
                return integer();
            case 'l':
                return list(enter(depth));
            case 'd':
                return dict(enter(depth));
            default:
                throw fail(String.format("unexpected byte 0x%02x", b & 0xff));
        }
    }

    private int enter(int depth) {
        if (depth + 1 > maxDepth) {
            throw fail("nesting deeper than " + maxDepth + " levels");
        }
        return depth + 1;
    }

    private BencodeString string() {
        int start = pos;
        long length = 0;
        int digits = 0;
        while (pos < end && data[pos] >= '0' && data[pos] <= '9') {
            if (++digits > MAX_LENGTH_DIGITS) {
                throw failAt(start, "string length has too many digits");
            }
            length = length * 10 + (data[pos] - '0');
            pos++;
        }
        if (pos >= end || data[pos] != ':') {
            throw failAt(start, "string length must be followed by ':'");
        }
        if (digits > 1 && data[start] == '0') {
            throw failAt(start, "string length has a leading zero");
        }
        pos++;
        if (length > end - pos) {
            throw failAt(start, "string length " + length + " exceeds the remaining " + (end - pos) + " bytes");
        }
        BencodeString s = BencodeString.view(data, pos, (int) length);
        pos += (int) length;
        return s;
    }

    private BencodeInteger integer() {
        int start = pos;
        pos++;
        boolean negative = pos < end && data[pos] == '-';
        if (negative) {
            pos++;
        }
        int firstDigit = pos;
        long value = 0;
        // Accumulate negatively so that Long.MIN_VALUE parses without overflow.
        while (pos < end && data[pos] >= '0' && data[pos] <= '9') {
            if (pos - firstDigit >= MAX_INTEGER_DIGITS) {
                throw failAt(start, "integer out of the 64-bit range");
            }
            int d = data[pos] - '0';
            if (value < (Long.MIN_VALUE + d) / 10) {
                throw failAt(start, "integer out of the 64-bit range");
            }
            value = value * 10 - d;
            pos++;
        }
        int digits = pos - firstDigit;
        if (pos >= end || data[pos] != 'e') {
            throw failAt(start, digits == 0 ? "integer has no digits" : "integer must end with 'e'");
        }
        if (digits == 0) {
            throw failAt(start, "integer has no digits");
        }
        if (data[firstDigit] == '0' && (digits > 1 || negative)) {
            throw failAt(start, negative ? "negative zero is not canonical" : "integer has a leading zero");
        }
        pos++;
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw failAt(start, "integer out of the 64-bit range");
            }
            value = -value;
        }
        return new BencodeInteger(value);
    }

    private BencodeList list(int depth) {
        pos++;
        BencodeValue[] items = new BencodeValue[4];
        int n = 0;
        while (true) {
            if (pos >= end) {
                throw fail("list is not terminated");
            }
            if (data[pos] == 'e') {
                pos++;
                return BencodeList.owning(Arrays.copyOf(items, n));
            }
            if (n == items.length) {
                items = Arrays.copyOf(items, n * 2);
            }
            items[n++] = value(depth);
        }
    }

    private BencodeDict dict(int depth) {
        pos++;
        BencodeString[] keys = new BencodeString[8];
        BencodeValue[] values = new BencodeValue[8];
        int n = 0;
        while (true) {
            if (pos >= end) {
                throw fail("dictionary is not terminated");
            }
            byte b = data[pos];
            if (b == 'e') {
                pos++;
                return BencodeDict.owning(Arrays.copyOf(keys, n), Arrays.copyOf(values, n));
            }
            if (b < '0' || b > '9') {
                throw fail("dictionary key must be a byte string");
            }
            int keyStart = pos;
            BencodeString key = string();
            if (n > 0) {
                int c = keys[n - 1].compareTo(key);
                if (c == 0) {
                    throw failAt(keyStart, "duplicate dictionary key");
                }
                if (c > 0) {
                    throw failAt(keyStart, "dictionary keys are not in sorted order");
                }
            }
            if (n == keys.length) {
                keys = Arrays.copyOf(keys, n * 2);
                values = Arrays.copyOf(values, n * 2);
            }
            keys[n] = key;
            values[n] = value(depth);
            n++;
        }
    }

    private PubkyException fail(String message) {
        return failAt(pos, message);
    }

    private static PubkyException failAt(int offset, String message) {
        return new PubkyException(ErrorCode.INVALID_BENCODE, "invalid bencode at offset " + offset + ": " + message);
    }
}
