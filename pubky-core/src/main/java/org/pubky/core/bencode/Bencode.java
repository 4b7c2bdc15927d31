package org.pubky.core.bencode;

import static java.util.Objects.requireNonNull;

import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Entry points of the bencode codec.
 *
 * <p>{@link #decode} accepts exactly one value in canonical form and nothing else: integers
 * without leading zeros or {@code -0}, string lengths without leading zeros and within the input,
 * dictionary keys that are byte strings in strictly increasing unsigned order (so no duplicates),
 * at most {@value #MAX_DEPTH} nested containers, no trailing bytes. Anything else is
 * {@link ErrorCode#INVALID_BENCODE}; no other exception escapes for any input. Decoding is linear
 * in the input size and allocates one small object per value; byte strings are views on the
 * input (see {@link BencodeString}).
 *
 * <p>{@link #encode} writes the canonical form, so {@code encode(decode(b))} equals {@code b} for
 * every accepted {@code b}. Stateless and thread-safe.
 */
public final class Bencode {
    /** Maximum nesting of lists and dictionaries; KRPC and BEP 44 need three. */
    public static final int MAX_DEPTH = 64;

    private Bencode() {
    }

    /** Decodes the whole of {@code data}. */
    public static BencodeValue decode(byte[] data) {
        requireNonNull(data, "data is null");
        return BencodeDecoder.decode(data, 0, data.length, MAX_DEPTH);
    }

    /** Decodes {@code data[offset, offset + length)}, which must hold exactly one value. */
    public static BencodeValue decode(byte[] data, int offset, int length) {
        requireNonNull(data, "data is null");
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IndexOutOfBoundsException("range [" + offset + ", +" + length + ") outside " + data.length + " bytes");
        }
        return BencodeDecoder.decode(data, offset, length, MAX_DEPTH);
    }

    /** Decodes {@code data}, which must be a dictionary (the shape of every KRPC message). */
    public static BencodeDict decodeDict(byte[] data, int offset, int length) {
        BencodeValue v = decode(data, offset, length);
        if (!(v instanceof BencodeDict d)) {
            throw new PubkyException(ErrorCode.INVALID_BENCODE, "expected a dictionary, got a " + v.kind());
        }
        return d;
    }

    /** The canonical encoding of {@code value}. */
    public static byte[] encode(BencodeValue value) {
        return new BencodeWriter().write(value).toByteArray();
    }
}
