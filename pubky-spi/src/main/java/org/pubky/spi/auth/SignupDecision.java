package org.pubky.spi.auth;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A policy's yes: create the account, consuming {@link #consumeToken()} (a signup token) in the
 * same atomic unit when present. A policy says no by throwing
 * {@link org.pubky.spi.PubkyException} with a 4xx code and a message for the client.
 *
 * @param consumeToken the signup token to consume with the account's creation
 */
public record SignupDecision(Optional<String> consumeToken) {
    public SignupDecision {
        requireNonNull(consumeToken, "consumeToken is null");
    }

    /** Create the account; no token is consumed. */
    public static SignupDecision allow() {
        return new SignupDecision(Optional.empty());
    }

    /** Create the account and consume {@code token} atomically with it. */
    public static SignupDecision consume(String token) {
        return new SignupDecision(Optional.of(token));
    }
}
