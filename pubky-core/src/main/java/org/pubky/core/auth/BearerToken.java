package org.pubky.core.auth;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import org.pubky.core.encoding.Base64Url;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The bearer of a grant session: 32 random bytes in base64url without padding, exactly
 * {@value #LENGTH} characters, sent as {@code Authorization: Bearer <token>}. The server stores
 * only {@link #sha256()} of the ASCII text, so a leaked database yields no usable bearer.
 * {@link #toString()} hides the value.
 *
 * @param value the 43-character token
 */
public record BearerToken(String value) {
    /** Length of the text form. */
    public static final int LENGTH = 43;
    private static final int RANDOM_BYTES = 32;

    /** @throws PubkyException {@link ErrorCode#MALFORMED_INPUT} if not 43 base64url characters */
    public BearerToken {
        requireNonNull(value, "value is null");
        if (value.length() != LENGTH) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT,
                    "bearer token must be " + LENGTH + " chars (got " + value.length() + ")");
        }
        for (int i = 0; i < LENGTH; i++) {
            if (!Base64Url.isAlphabet(value.charAt(i))) {
                throw new PubkyException(ErrorCode.MALFORMED_INPUT, "bearer token must be base64url");
            }
        }
    }

    /** A fresh random bearer. */
    public static BearerToken generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return fromBytes(bytes);
    }

    /** The bearer for 32 given bytes. */
    public static BearerToken fromBytes(byte[] bytes) {
        if (bytes.length != RANDOM_BYTES) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "a bearer token is made of 32 bytes");
        }
        return new BearerToken(Base64Url.encode(bytes));
    }

    /** The bearer in a header value, if it is well-formed (anything else means anonymous). */
    public static Optional<BearerToken> tryParse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(new BearerToken(text));
        } catch (PubkyException e) {
            return Optional.empty();
        }
    }

    /** SHA-256 of the ASCII text: what the server stores and looks up. */
    public byte[] sha256() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new PubkyException(ErrorCode.INTERNAL, "SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "BearerToken[redacted]";
    }
}
