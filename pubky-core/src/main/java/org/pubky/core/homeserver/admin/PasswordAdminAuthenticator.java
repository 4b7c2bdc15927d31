package org.pubky.core.homeserver.admin;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.auth.AdminAuthenticator;
import org.pubky.spi.auth.AdminRequest;

/**
 * The reference's admin check: the {@code X-Admin-Password} header must equal a shared password.
 *
 * <p>Only the SHA-256 digest of the password is kept; a presented value is digested the same way
 * and the two digests are compared with {@link MessageDigest#isEqual}, so the comparison takes the
 * same time wherever the values differ and whatever their lengths. Thread-safe and stateless
 * after construction.
 */
public final class PasswordAdminAuthenticator implements AdminAuthenticator {
    /** The name reported for a request that presented the right password. */
    public static final String SUBJECT = "admin";

    private final byte[] digest;

    /** @throws PubkyException {@code MALFORMED_INPUT} for an empty password */
    public PasswordAdminAuthenticator(String password) {
        requireNonNull(password, "password is null");
        if (password.isEmpty()) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "the admin password must not be empty");
        }
        this.digest = sha256(password);
    }

    @Override
    public String authenticate(AdminRequest request) {
        if (request.password().isEmpty()) {
            throw new PubkyException(ErrorCode.UNAUTHORIZED, "Missing admin password");
        }
        if (!MessageDigest.isEqual(digest, sha256(request.password().get()))) {
            throw new PubkyException(ErrorCode.UNAUTHORIZED, "Invalid admin password");
        }
        return SUBJECT;
    }

    @Override
    public String toString() {
        return "PasswordAdminAuthenticator[password=(hidden)]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new PubkyException(ErrorCode.INTERNAL, "SHA-256 is not available", e);
        }
    }
}
