package org.pubky.spi.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A user of the homeserver.
 *
 * @param user the user's z-base-32 public key
 * @param disabled whether writes are refused (reads and deletes still work)
 * @param usedBytes storage in use: the sum of {@code length + 256} over the user's entries
 * @param createdAt when the user signed up
 * @param quota the user's own limits (copied from the signup token at signup)
 */
public record UserRecord(String user, boolean disabled, long usedBytes, Instant createdAt, QuotaOverrides quota) {
    public UserRecord {
        Checks.user(user);
        Checks.nonNegative(usedBytes, "usedBytes");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(quota, "quota is null");
    }
}
