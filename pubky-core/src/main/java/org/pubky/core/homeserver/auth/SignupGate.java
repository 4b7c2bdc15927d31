package org.pubky.core.homeserver.auth;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.pubky.core.auth.SignupToken;
import org.pubky.core.homeserver.metrics.HomeserverMetrics;
import org.pubky.core.keys.PublicKey;
import org.pubky.spi.PubkyException;
import org.pubky.spi.auth.SignupDecision;
import org.pubky.spi.auth.SignupPolicy;
import org.pubky.spi.auth.SignupRequest;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.UserRecord;

/**
 * Account creation shared by the cookie and grant signups: the signup token format (checked in
 * every mode), the signup policy's decision, and the atomic "consume the token and create the
 * user" unit.
 */
public final class SignupGate {
    private final MetadataStore store;
    private final SignupPolicy policy;
    private final HomeserverMetrics metrics;

    public SignupGate(MetadataStore store, SignupPolicy policy, HomeserverMetrics metrics) {
        this.store = requireNonNull(store, "store is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    /** Whether the policy uses signup tokens ({@code GET /signup_tokens/{token}} answers only then). */
    public boolean usesSignupTokens() {
        return policy.usesSignupTokens();
    }

    /**
     * Validates the {@code signup_token} query parameter: a malformed token is refused whatever
     * the policy.
     *
     * @throws PubkyException 400 "Invalid signup token format: …"
     */
    public Optional<String> checkTokenFormat(Optional<String> signupToken) {
        Optional<String> token = signupToken.filter(t -> !t.isEmpty());
        token.ifPresent(SignupToken::parse);
        return token;
    }

    /**
     * Asks the policy, then creates the user, consuming the token the policy names in the same
     * unit.
     *
     * @throws PubkyException the policy's refusal (e.g. 400 "Token required"), 409 "User already
     *     exists", 401 "Invalid token" or "Token already used"
     */
    public UserRecord createUser(PublicKey user, Instant at, Optional<String> token, Optional<String> clientAddress) {
        SignupDecision decision = policy.decide(new SignupRequest(user.z32(), token, clientAddress));
        UserRecord created = store.users().create(user.z32(), at, decision.consumeToken());
        metrics.recordSignup();
        return created;
    }
}
