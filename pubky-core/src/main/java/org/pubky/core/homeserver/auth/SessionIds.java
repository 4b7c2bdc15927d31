package org.pubky.core.homeserver.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.pubky.core.auth.SessionSecret;

/**
 * The store key of a cookie session: the hex SHA-256 of its secret, so that the metadata store
 * never holds a usable secret.
 */
final class SessionIds {
    private SessionIds() {
    }

    static String of(SessionSecret secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(secret.value().getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
