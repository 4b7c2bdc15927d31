package org.pubky.core.homeserver.auth;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.pubky.core.auth.SignupToken;
import org.pubky.core.homeserver.SignupMode;
import org.pubky.core.homeserver.metrics.HomeserverMetrics;
import org.pubky.core.keys.PublicKey;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.UserRecord;

/**
 * Account creation shared by the cookie and grant signups: the signup mode, the signup token
 * rules and the atomic "consume the token and create the user" unit.
 */
public final class SignupGate {
    private final MetadataStore store;
    private final SignupMode mode;
    private final HomeserverMetrics metrics;

    public SignupGate(MetadataStore store, SignupMode mode, HomeserverMetrics metrics) {
        this.store = requireNonNull(store, "store is null");
        this.mode = requireNonNull(mode, "mode is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    /** The signup mode in force. */
    public SignupMode mode() {
        return mode;
    }

    /**
     * Validates the {@code signup_token} query parameter: a malformed token is refused in every
     * mode; in open mode a well-formed one is ignored.
     *
     * @return the token to consume, if the mode requires one
     * @throws PubkyException 400 "Invalid signup token format: …" or "Token required"
     */
    public Optional<String> tokenToConsume(Optional<String> signupToken) {
        Optional<String> token = signupToken.filter(t -> !t.isEmpty());
        token.ifPresent(SignupToken::parse);
        if (mode == SignupMode.OPEN) {
            return Optional.empty();
        }
        if (token.isEmpty()) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "Token required");
        }
        return token;
    }

    /**
     * Creates the user, consuming the token in the same unit.
     *
     * @throws PubkyException 409 "User already exists", 401 "Invalid token" or "Token already used"
     */
    public UserRecord createUser(PublicKey user, Instant at, Optional<String> token) {
        UserRecord created = store.users().create(user.z32(), at, token);
        metrics.recordSignup();
        return created;
    }
}
