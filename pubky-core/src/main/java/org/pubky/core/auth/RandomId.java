package org.pubky.core.auth;

import java.security.SecureRandom;
import org.pubky.core.encoding.Base64Url;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Grant ids ({@code jti}, {@code gid}) and PoP nonces: 1–22 characters of {@code A-Za-z0-9_-};
 * generated ones are 16 random bytes in base64url, 22 characters. The strict alphabet matters
 * because grant ids appear in URL paths. Thread-safe.
 */
public final class RandomId {
    /** Longest accepted id. */
    public static final int MAX_LENGTH = 22;
    private static final int RANDOM_BYTES = 16;

    private RandomId() {
    }

    /** A fresh 22-character id. */
    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64Url.encode(bytes);
    }

    public static boolean isValid(String id) {
        return id != null && problem(id) == null;
    }

    /**
     * Returns {@code id} if valid.
     *
     * @throws PubkyException with {@code code}, the message prefixed by {@code what}
     */
    public static String require(String id, ErrorCode code, String what) {
        String problem = id == null ? "RandomId must not be empty" : problem(id);
        if (problem != null) {
            throw new PubkyException(code, what + ": " + problem);
        }
        return id;
    }

    private static String problem(String id) {
        if (id.isEmpty()) {
            return "RandomId must not be empty";
        }
        if (id.length() > MAX_LENGTH) {
            return "RandomId must be at most 22 characters";
        }
        for (int i = 0; i < id.length(); i++) {
            if (!Base64Url.isAlphabet(id.charAt(i))) {
                return "RandomId must contain only base64url characters";
            }
        }
        return null;
    }
}
