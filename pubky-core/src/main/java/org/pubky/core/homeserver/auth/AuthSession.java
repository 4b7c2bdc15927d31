package org.pubky.core.homeserver.auth;

import static java.util.Objects.requireNonNull;

import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.Capabilities;

/**
 * An authenticated request's session: whose it is, what it may do, and which credential proved
 * it (so that a long-lived stream can re-check that credential later).
 *
 * @param user the signed-in user
 * @param capabilities what the session may do
 * @param kind how the request authenticated
 * @param credentialId the cookie session's lookup id, or the grant id of a bearer session
 */
public record AuthSession(PublicKey user, Capabilities capabilities, Kind kind, String credentialId) {
    public AuthSession {
        requireNonNull(user, "user is null");
        requireNonNull(capabilities, "capabilities is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(credentialId, "credentialId is null");
    }

    /** How a request authenticated. */
    public enum Kind {
        /** A legacy cookie named after the tenant. */
        COOKIE,
        /** An {@code Authorization: Bearer} token minted for a grant. */
        BEARER
    }
}
