package org.pubky.spi.storage;

import java.util.List;
import java.util.Optional;

/**
 * Signup tokens. Consumption happens in {@link UserStore#create}, atomically with the user's
 * creation. Thread-safe.
 */
public interface SignupTokenStore {
    /**
     * Stores a new token.
     *
     * @throws org.pubky.spi.PubkyException {@code CONFLICT} if the token exists
     */
    void create(SignupTokenRecord token);

    /** The token, if it exists. */
    Optional<SignupTokenRecord> find(String token);

    /** Tokens in ascending token order, strictly after {@code after}, filtered by state, at most {@code limit}. */
    List<SignupTokenRecord> list(Optional<String> after, int limit, SignupTokenState state);

    /** How many tokens are in {@code state}. */
    long count(SignupTokenState state);
}
