package org.pubky.spi.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A grant the user signed for an app, as first presented to this homeserver.
 *
 * @param grantId the grant's {@code jti}: 1–22 characters of {@code [A-Za-z0-9_-]}
 * @param user the user who signed it ({@code iss})
 * @param clientId the app's id
 * @param clientKey the z-base-32 key the app proves possession of ({@code cnf})
 * @param capabilities the granted capabilities in canonical list form
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 * @param revokedAt when the grant was revoked, if it was
 * @param createdAt when this homeserver first stored the grant
 */
public record GrantRecord(String grantId, String user, String clientId, String clientKey, String capabilities,
        Instant issuedAt, Instant expiresAt, Optional<Instant> revokedAt, Instant createdAt) {
    public GrantRecord {
        requireNonNull(grantId, "grantId is null");
        if (!grantId.matches("[A-Za-z0-9_-]{1,22}")) {
            throw new IllegalArgumentException("grantId must be 1-22 characters of [A-Za-z0-9_-]");
        }
        Checks.user(user);
        requireNonNull(clientId, "clientId is null");
        Checks.user(clientKey);
        requireNonNull(capabilities, "capabilities is null");
        requireNonNull(issuedAt, "issuedAt is null");
        requireNonNull(expiresAt, "expiresAt is null");
        requireNonNull(revokedAt, "revokedAt is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** Not revoked and not expired at {@code now}. */
    public boolean isActive(Instant now) {
        return revokedAt.isEmpty() && expiresAt.isAfter(now);
    }

    /** This grant, revoked at {@code at}. */
    public GrantRecord revoked(Instant at) {
        return new GrantRecord(grantId, user, clientId, clientKey, capabilities, issuedAt, expiresAt,
                Optional.of(at), createdAt);
    }
}
