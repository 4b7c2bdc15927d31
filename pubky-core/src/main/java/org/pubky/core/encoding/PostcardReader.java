package org.pubky.core.encoding;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Reads the subset of the postcard format (serde's compact binary encoding, as used by the Rust
 * {@code postcard} crate) that the protocol uses: raw bytes for fixed arrays, unsigned LEB128
 * varints for {@code u64}/{@code usize}, and strings as a varint byte length followed by UTF-8.
 *
 * <p>Stricter than the crate on purpose: varints must be minimal (no {@code 0x80 0x00} for zero)
 * and may not overflow 64 bits, strings must be valid UTF-8, and lengths are checked against the
 * bytes actually present before anything is allocated. Every failure is a
 * {@link PubkyException} carrying the code given at construction, so a decoder can report
 * {@code INVALID_AUTH_TOKEN} rather than a generic code.
 *
 * <p>Not thread-safe: one reader per decode.
 */
public final class PostcardReader {
    /** Longest LEB128 encoding of a 64-bit value. */
    public static final int MAX_VARINT_BYTES = 10;

    private final byte[] data;
    private final int end;
    private final ErrorCode code;
    private int position;

    /** Reads {@code data[offset, offset + length)}; the array is not copied. */
    public PostcardReader(byte[] data, int offset, int length, ErrorCode code) {
        this.data = requireNonNull(data, "data is null");
        this.code = requireNonNull(code, "code is null");
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IndexOutOfBoundsException("range outside the array");
        }
        this.position = offset;
        this.end = offset + length;
    }

    /** Reads all of {@code data}. */
    public PostcardReader(byte[] data, ErrorCode code) {
        this(data, 0, data.length, code);
    }

    /** Index of the next byte in the underlying array. */
    public int position() {
        return position;
    }

    public int remaining() {
        return end - position;
    }

    /** One {@code u8}. */
    public int readU8() {
        require(1, "a byte");
        return data[position++] & 0xff;
    }

    /** Copies {@code target.length} raw bytes (a fixed-size array). */
    public void readFixed(byte[] target) {
        require(target.length, target.length + " bytes");
        System.arraycopy(data, position, target, 0, target.length);
        position += target.length;
    }

    /** Skips {@code count} raw bytes. */
    public void skip(int count) {
        require(count, count + " bytes");
        position += count;
    }

    /**
     * A minimal LEB128 varint of at most 64 bits; the result holds the unsigned value's bits (use
     * {@link Long#compareUnsigned} or check the sign for values above {@link Long#MAX_VALUE}).
     */
    public long readVarU64() {
        long value = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++) {
            require(1, "more varint bytes");
            int b = data[position++] & 0xff;
            if (i == MAX_VARINT_BYTES - 1 && b > 1) {
                throw fail("varint overflows 64 bits");
            }
            value |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw fail("varint is not minimally encoded");
                }
                return value;
            }
        }
        throw fail("varint overflows 64 bits");
    }

    /** A varint used as a length or count, at most {@code max}. */
    public int readLength(int max) {
        long value = readVarU64();
        if (value < 0 || value > max) {
            throw fail("length " + Long.toUnsignedString(value) + " exceeds the maximum of " + max);
        }
        return (int) value;
    }

    /** A string: varint byte length (at most {@code maxBytes}) then strictly valid UTF-8. */
    public String readString(int maxBytes) {
        int length = readLength(maxBytes);
        require(length, length + " string bytes");
        String s = decodeUtf8(data, position, length, code);
        position += length;
        return s;
    }

    /** Fails unless every byte has been read. */
    public void expectEnd() {
        if (position != end) {
            throw fail((end - position) + " trailing bytes");
        }
    }

    /** Strict UTF-8 (no overlong forms, no surrogates), failing with {@code code}. */
    public static String decodeUtf8(byte[] bytes, int offset, int length, ErrorCode code) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PubkyException(code, "invalid UTF-8");
        }
    }

    private void require(int count, String what) {
        if (count > end - position) {
            throw fail("unexpected end of input, expected " + what);
        }
    }

    private PubkyException fail(String message) {
        return new PubkyException(code, message + " at offset " + position);
    }
}
