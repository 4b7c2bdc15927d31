package org.pubky.spi.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Grants and the bearer tokens minted for them. Thread-safe; every method is atomic on its own.
 *
 * <p>Bearer tokens are stored only as the SHA-256 of their text; the token itself never reaches
 * the store.
 */
public interface GrantStore {
    /**
     * Stores the grant unless one with the same id exists; returns the stored one. The first copy
     * wins, so a grant presented again later keeps its original capabilities and client id.
     *
     * @throws org.pubky.spi.PubkyException {@code NOT_FOUND} if the user does not exist
     */
    GrantRecord storeIfAbsent(GrantRecord grant);

    /** The grant with this id, if any (revoked and expired grants included). */
    Optional<GrantRecord> find(String grantId);

    /**
     * Marks the grant revoked and deletes its bearer tokens, atomically. Returns false if no grant
     * has this id; revoking twice keeps the first revocation time.
     */
    boolean revoke(String grantId, Instant at);

    /** The user's grants that are neither revoked nor expired at {@code now}, by grant id. */
    List<GrantRecord> listActive(String user, Instant now);

    /**
     * Makes {@code tokenHash} the only bearer token of the grant: existing tokens of the grant are
     * deleted and the new one inserted in one atomic unit.
     *
     * @param tokenHash SHA-256 of the bearer token text, 32 bytes
     * @throws org.pubky.spi.PubkyException {@code NOT_FOUND} if the grant does not exist
     */
    void replaceBearer(String grantId, byte[] tokenHash, Instant expiresAt);

    /** The bearer session for a token hash, if one exists (expired ones may be returned). */
    Optional<BearerSession> findBearer(byte[] tokenHash);

    /** Deletes bearer tokens that expired before {@code now}; returns how many. */
    int purgeExpiredBearers(Instant now);
}
