package org.pubky.core.encoding;

import java.util.Arrays;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Unpadded base32 with the bit order the Rust {@code base32} crate uses: five bits per character,
 * most significant first, the last character filled with zero bits.
 *
 * <p>Two alphabets appear in the protocol: {@link #Z} (z-base-32, public keys) and
 * {@link #CROCKFORD} (timestamps, signup tokens, cookie secrets). Hand-written because no
 * maintained Java library offers z-base-32 with the strict trailing-bit rule keys need.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Base32 {
    /** z-base-32, lowercase; decoding is case-sensitive. */
    public static final Base32 Z = new Base32("ybndrfg8ejkmcpqxot1uwisza345h769", false);
    /** Crockford's alphabet, encoded uppercase; decoding accepts lowercase too. */
    public static final Base32 CROCKFORD = new Base32("0123456789ABCDEFGHJKMNPQRSTVWXYZ", true);

    private final char[] alphabet;
    private final byte[] lookup = new byte[128];

    private Base32(String alphabet, boolean caseInsensitive) {
        this.alphabet = alphabet.toCharArray();
        Arrays.fill(lookup, (byte) -1);
        for (int i = 0; i < this.alphabet.length; i++) {
            char c = this.alphabet[i];
            lookup[c] = (byte) i;
            if (caseInsensitive) {
                lookup[Character.toLowerCase(c)] = (byte) i;
            }
        }
    }

    /** Number of characters that {@code byteCount} bytes encode to. */
    public static int encodedLength(int byteCount) {
        return (byteCount * 8 + 4) / 5;
    }

    public String encode(byte[] data) {
        char[] out = new char[encodedLength(data.length)];
        int buffer = 0;
        int bits = 0;
        int o = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out[o++] = alphabet[(buffer >>> bits) & 31];
            }
        }
        if (bits > 0) {
            out[o++] = alphabet[(buffer << (5 - bits)) & 31];
        }
        return new String(out, 0, o);
    }

    /**
     * Decodes exactly {@code expectedBytes} bytes, refusing any other length, any character outside
     * the alphabet and any set padding bit, so that every byte string has exactly one text form.
     *
     * @throws PubkyException {@link ErrorCode#MALFORMED_INPUT} when the text is not canonical
     */
    public byte[] decodeCanonical(CharSequence text, int expectedBytes) {
        if (text.length() != encodedLength(expectedBytes)) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT,
                    "expected " + encodedLength(expectedBytes) + " base32 characters, got " + text.length());
        }
        byte[] out = new byte[expectedBytes];
        int buffer = 0;
        int bits = 0;
        int o = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int v = c < 128 ? lookup[c] : -1;
            if (v < 0) {
                throw new PubkyException(ErrorCode.MALFORMED_INPUT, "invalid base32 character at index " + i);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (buffer >>> bits);
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "non-zero trailing bits in base32 text");
        }
        return out;
    }
}
