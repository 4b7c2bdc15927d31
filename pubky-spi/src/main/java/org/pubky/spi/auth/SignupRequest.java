package org.pubky.spi.auth;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A signup about to happen: the key has proven itself (AuthToken or signup grant verified) and
 * the account does not exist yet.
 *
 * @param user the z-base-32 key of the new user
 * @param signupToken the well-formed {@code signup_token} the client sent, if any
 * @param clientAddress the client's IP address, if known
 */
public record SignupRequest(String user, Optional<String> signupToken, Optional<String> clientAddress) {
    public SignupRequest {
        requireNonNull(user, "user is null");
        requireNonNull(signupToken, "signupToken is null");
        requireNonNull(clientAddress, "clientAddress is null");
    }
}
