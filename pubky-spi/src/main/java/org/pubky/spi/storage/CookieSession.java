package org.pubky.spi.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A legacy cookie session. Cookie sessions never expire on the server; they end on sign-out.
 *
 * @param id the lookup key the homeserver derives from the session secret (a digest, never the
 *     secret itself, so a leaked database does not leak live sessions)
 * @param user the user the session belongs to
 * @param capabilities the session's capabilities in their canonical list form ({@code /:rw})
 * @param createdAt when the session was created
 */
public record CookieSession(String id, String user, String capabilities, Instant createdAt) {
    public CookieSession {
        requireNonNull(id, "id is null");
        if (id.isEmpty() || id.length() > 128) {
            throw new IllegalArgumentException("session id must be 1..128 characters");
        }
        Checks.user(user);
        requireNonNull(capabilities, "capabilities is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
