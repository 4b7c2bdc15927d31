package org.pubky.spi.auth;

/**
 * A hook for per-user limits beyond the configured defaults and admin overrides: a vendor can
 * tie quota and bandwidth to its own plans, or narrow what sessions may do. The homeserver
 * computes the limits and capabilities as the protocol says and then asks the policy.
 *
 * <p>A policy may only narrow capabilities: the homeserver drops any returned entry that the
 * requested capabilities do not cover, so a policy bug cannot escalate access. Implementations
 * are thread-safe and fast; they are called on request threads.
 */
public interface AccessPolicy extends AutoCloseable {
    /** The policy that changes nothing. */
    AccessPolicy DEFAULT = new AccessPolicy() {
    };

    /**
     * The limits in force for {@code user}.
     *
     * @param computed what the defaults and the user's overrides give
     */
    default UserLimits limits(String user, UserLimits computed) {
        return computed;
    }

    /**
     * The capabilities a session of {@code user} gets.
     *
     * @param clientId the grant's client id, or {@code cookie} for a legacy cookie session
     * @param requested the capabilities the user signed, in list form ({@code /pub/app/:rw,...})
     * @return a capability list in the same form; entries not covered by {@code requested} are
     *     ignored
     */
    default String capabilities(String user, String clientId, String requested) {
        return requested;
    }

    /** Releases resources; idempotent. */
    @Override
    default void close() {
    }
}
