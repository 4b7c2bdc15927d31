package org.pubky.core.auth;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.Optional;
import org.pubky.core.encoding.Base32;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The secret of a cookie session: 16 random bytes in uppercase Crockford base32, 26 characters;
 * the cookie value. {@link #toString()} hides it; only {@link #value()} reveals it.
 *
 * @param value the 26-character secret
 */
public record SessionSecret(String value) {
    /** Length of the text form. */
    public static final int LENGTH = 26;
    private static final int RANDOM_BYTES = 16;

    /** @throws PubkyException {@link ErrorCode#MALFORMED_INPUT} if not well-formed */
    public SessionSecret {
        requireNonNull(value, "value is null");
        if (!isWellFormed(value)) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "invalid session secret");
        }
    }

    /** A fresh random secret. */
    public static SessionSecret generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new SessionSecret(Base32.CROCKFORD.encode(bytes));
    }

    /** The secret of a cookie value, if it is well-formed (malformed cookies are ignored). */
    public static Optional<SessionSecret> fromCookie(String cookieValue) {
        return isWellFormed(cookieValue) ? Optional.of(new SessionSecret(cookieValue)) : Optional.empty();
    }

    /** 26 characters the reference's Crockford decoder accepts. */
    public static boolean isWellFormed(String text) {
        if (text == null || text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (!CrockfordText.isDecodable(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "SessionSecret[redacted]";
    }
}
