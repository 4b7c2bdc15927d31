package org.pubky.core.encoding;

import static java.util.Objects.requireNonNull;

import java.util.Base64;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * base64url without padding (RFC 4648 §5), the form of JWS segments, bearer tokens, grant ids and
 * nonces. Decoding is canonical, like the Rust {@code base64} crate's {@code URL_SAFE_NO_PAD}
 * engine: no padding, no characters outside {@code A-Za-z0-9-_}, no impossible length and no set
 * trailing bits, so every byte string has exactly one text form. Thread-safe.
 */
public final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    public static String encode(byte[] data) {
        return ENCODER.encodeToString(data);
    }

    /** True if {@code c} is one of the 64 base64url characters. */
    public static boolean isAlphabet(char c) {
        return value(c) >= 0;
    }

    /**
     * Decodes canonical unpadded base64url.
     *
     * @throws PubkyException with {@code code} if the text is not canonical
     */
    public static byte[] decode(CharSequence text, ErrorCode code) {
        requireNonNull(text, "text is null");
        int length = text.length();
        if (length % 4 == 1) {
            throw new PubkyException(code, "invalid base64url length " + length);
        }
        for (int i = 0; i < length; i++) {
            if (value(text.charAt(i)) < 0) {
                throw new PubkyException(code, "invalid base64url character at index " + i);
            }
        }
        if (length > 0) {
            int last = value(text.charAt(length - 1));
            int unusedBits = switch (length % 4) {
                case 2 -> 0x0f;
                case 3 -> 0x03;
                default -> 0;
            };
            if ((last & unusedBits) != 0) {
                throw new PubkyException(code, "non-zero trailing bits in base64url text");
            }
        }
        return DECODER.decode(text.toString());
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '-') {
            return 62;
        }
        return c == '_' ? 63 : -1;
    }
}
