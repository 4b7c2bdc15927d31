package org.pubky.core.auth;

import org.pubky.core.keys.PublicKey;
import org.pubky.core.time.Timestamp;

/**
 * Remembers which AuthTokens were already presented, identified by (timestamp, public key).
 *
 * <p>Implementations must be thread-safe and must make {@link #firstUse} atomic: of two concurrent
 * calls with the same pair, exactly one returns {@code true}. They need remember a pair only for
 * twice the AuthToken clock window ({@link AuthTokenVerifier#WINDOW}), since an older token fails
 * the clock check anyway.
 */
public interface ReplayGuard {
    /**
     * Records the pair and says whether this was its first use.
     *
     * @return {@code true} the first time the pair is seen, {@code false} on every later call
     */
    boolean firstUse(Timestamp timestamp, PublicKey publicKey);
}
