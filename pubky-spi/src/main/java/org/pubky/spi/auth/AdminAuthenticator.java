package org.pubky.spi.auth;

/**
 * Decides whether a request to the admin API is allowed.
 *
 * <p><b>Contract.</b> {@link #authenticate} either returns the name of the admin the request
 * proves (for audit logs; never a secret) or throws a {@link org.pubky.spi.PubkyException} with
 * {@link org.pubky.spi.ErrorCode#UNAUTHORIZED}. The password-based implementations answer exactly
 * as the reference homeserver does: {@code Missing admin password} when no
 * {@code X-Admin-Password} header was sent, {@code Invalid admin password} when one was sent but
 * does not match (an empty header is a wrong password, not a missing one).
 *
 * <p><b>Secrets.</b> An implementation never logs, never puts into an exception message and
 * never exposes in {@code toString()} the configured secret or the value a request presented.
 * It compares secrets in time independent of where they differ (for example
 * {@link java.security.MessageDigest#isEqual} over fixed-length digests) so that the time of a
 * refusal reveals nothing about the secret.
 *
 * <p><b>Threading.</b> Implementations are thread-safe: one instance judges every request of a
 * runtime, concurrently. {@link #close()} releases whatever the instance holds; the runtime calls
 * it once, after the last request.
 */
public interface AdminAuthenticator extends AutoCloseable {
    /**
     * @return who the request authenticated as, for audit logs (e.g. {@code admin})
     * @throws org.pubky.spi.PubkyException {@code UNAUTHORIZED} with the reason, if not allowed
     */
    String authenticate(AdminRequest request);

    @Override
    default void close() {
    }
}
