package org.pubky.spi.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A live bearer token and the grant it was minted for.
 *
 * @param grant the grant, as stored (it may have been revoked or have expired since)
 * @param expiresAt when the bearer token stops working
 */
public record BearerSession(GrantRecord grant, Instant expiresAt) {
    public BearerSession {
        requireNonNull(grant, "grant is null");
        requireNonNull(expiresAt, "expiresAt is null");
    }
}
