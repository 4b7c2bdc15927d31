package org.pubky.core.homeserver.policy;

import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.auth.SignupDecision;
import org.pubky.spi.auth.SignupPolicy;
import org.pubky.spi.auth.SignupRequest;

/**
 * {@code token_required} (the default): a signup consumes a single-use signup token, minted by the
 * admin API or by Homegate. Unknown and used tokens are refused by the store's atomic unit.
 */
public final class TokenSignupPolicy implements SignupPolicy {
    @Override
    public SignupDecision decide(SignupRequest request) {
        return request.signupToken().map(SignupDecision::consume)
                .orElseThrow(() -> new PubkyException(ErrorCode.MALFORMED_INPUT, "Token required"));
    }

    @Override
    public boolean usesSignupTokens() {
        return true;
    }
}
