package org.pubky.core.auth;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import org.pubky.core.encoding.Base32;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * A single-use signup token, {@code XXXX-XXXX-XXXX}: seven random bytes in uppercase Crockford
 * base32 with a hyphen after every fourth character.
 *
 * <p>Well-formed means 14 characters, hyphens at indexes 4 and 9 and Crockford characters
 * elsewhere, in either case (the reference also accepts lowercase, {@code I}, {@code L} and
 * {@code O}, and ignores the trailing bits, so {@code AAAA-BBBB-CCCC} is well-formed and merely
 * unknown). The value is kept as given, because tokens are looked up by their exact text.
 *
 * @param value the token text
 */
public record SignupToken(String value) {
    /** Length of the text form. */
    public static final int LENGTH = 14;
    private static final int RANDOM_BYTES = 7;

    /**
     * @throws PubkyException {@link ErrorCode#INVALID_SIGNUP_TOKEN}
     *     {@code Invalid signup token format: …} if not well-formed
     */
    public SignupToken {
        requireNonNull(value, "value is null");
        String problem = problem(value);
        if (problem != null) {
            throw new PubkyException(ErrorCode.INVALID_SIGNUP_TOKEN, "Invalid signup token format: " + problem);
        }
    }

    public static SignupToken parse(String text) {
        return new SignupToken(text);
    }

    /** True if {@code text} is well-formed. */
    public static boolean isWellFormed(String text) {
        return text != null && problem(text) == null;
    }

    /** A fresh random token. */
    public static SignupToken generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String b32 = Base32.CROCKFORD.encode(bytes);
        return new SignupToken(b32.substring(0, 4) + '-' + b32.substring(4, 8) + '-' + b32.substring(8));
    }

    @Override
    public String toString() {
        return value;
    }

    private static String problem(String text) {
        if (text.length() != LENGTH) {
            return "expected XXXX-XXXX-XXXX (14 characters), got " + text.length() + " characters";
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            boolean ok = (i == 4 || i == 9) ? c == '-' : CrockfordText.isDecodable(c);
            if (!ok) {
                return "expected XXXX-XXXX-XXXX with Crockford base32 characters, bad character at index " + i;
            }
        }
        return null;
    }
}
