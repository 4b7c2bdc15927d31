package org.pubky.spi.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Users, their limits and their storage counters. Thread-safe.
 *
 * <p>The used-bytes counter is changed only by the atomic units of {@link EntryStore}; this
 * interface reads it.
 */
public interface UserStore {
    /**
     * Creates a user, consuming a signup token in the same atomic unit: either the user exists
     * afterwards and the token is marked used by it, or nothing changed. Under any number of
     * concurrent calls a token is consumed at most once and a user is created at most once.
     *
     * <p>With a token, the user's {@link UserRecord#quota()} is the token's template; without
     * one, it is {@link QuotaOverrides#NONE}. The checks run in this order: user exists, token
     * unknown, token used.
     *
     * @param signupToken the token to consume, or empty when signup is open
     * @throws org.pubky.spi.PubkyException {@code CONFLICT} "User already exists";
     *     {@code UNAUTHORIZED} "Invalid token" for an unknown token;
     *     {@code UNAUTHORIZED} "Token already used"
     */
    UserRecord create(String user, Instant createdAt, Optional<String> signupToken);

    /** The user, if it exists. */
    Optional<UserRecord> find(String user);

    /**
     * Sets the disabled flag; idempotent.
     *
     * @throws org.pubky.spi.PubkyException {@code NOT_FOUND} for an unknown user
     */
    UserRecord setDisabled(String user, boolean disabled);

    /**
     * Replaces the user's limits.
     *
     * @throws org.pubky.spi.PubkyException {@code NOT_FOUND} for an unknown user
     */
    UserRecord setQuota(String user, QuotaOverrides quota);

    /** Users ordered by key (z-base-32 text order), strictly after {@code after}, at most {@code limit}. */
    List<UserRecord> list(Optional<String> after, int limit);

    /** Counters over all users. */
    UserStats stats();
}
