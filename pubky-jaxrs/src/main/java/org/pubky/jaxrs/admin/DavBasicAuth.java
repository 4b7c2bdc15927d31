package org.pubky.jaxrs.admin;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.pubky.spi.auth.AdminRequest;

/**
 * The admin WebDAV's credentials: {@code Authorization: Basic base64("admin:<password>")}. Any
 * other scheme, bad base64 or UTF-8, another user name or a missing {@code :} gives no password,
 * which the authenticator refuses. The scheme name is matched without regard to case.
 */
final class DavBasicAuth {
    static final String USER = "admin";

    private DavBasicAuth() {
    }

    /** The password the header carries for user {@code admin}, if it is well-formed. */
    static Optional<String> password(String authorization) {
        // the scheme is case-insensitive (RFC 9110 §11.1); the reference compares it exactly
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring("Basic ".length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(decoded)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon < 0 || !text.substring(0, colon).equals(USER)) {
            return Optional.empty();
        }
        return Optional.of(text.substring(colon + 1));
    }

    /** The request to hand to the authenticator: a wrong header presents an empty password. */
    static AdminRequest request(String authorization) {
        return AdminRequest.ofPassword(password(authorization).orElse(""));
    }
}
