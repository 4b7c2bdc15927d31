package org.pubky.spi.auth;

/**
 * Who may create an account on this homeserver. Built in: {@code open} (anyone with a valid key)
 * and {@code token_required} (a single-use signup token, as minted by the admin API or by
 * Homegate); a vendor can plug in its own (an allow-list, an invitation service, …) and select it
 * with {@code pubky.signup.mode}.
 *
 * <p>The protocol itself is not pluggable: the homeserver verifies the AuthToken or signup grant
 * before asking, and refuses malformed signup tokens itself. The policy only decides.
 *
 * <p>Implementations are thread-safe and fast (they run on request threads); they never log
 * secrets such as the token.
 */
public interface SignupPolicy extends AutoCloseable {
    /**
     * Decides a signup.
     *
     * @return the decision to create the account, possibly consuming a signup token
     * @throws org.pubky.spi.PubkyException with a 4xx {@link org.pubky.spi.ErrorCode} to refuse
     */
    SignupDecision decide(SignupRequest request);

    /**
     * Whether this policy uses signup tokens: {@code GET /signup_tokens/{token}} answers 400
     * "Signup tokens not required" when it does not.
     */
    default boolean usesSignupTokens() {
        return false;
    }

    /** Releases resources; idempotent. */
    @Override
    default void close() {
    }
}
