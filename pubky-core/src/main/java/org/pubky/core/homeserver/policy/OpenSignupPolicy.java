package org.pubky.core.homeserver.policy;

import org.pubky.spi.auth.SignupDecision;
import org.pubky.spi.auth.SignupPolicy;
import org.pubky.spi.auth.SignupRequest;

/** {@code open}: anyone with a valid key may sign up; a well-formed signup token is ignored. */
public final class OpenSignupPolicy implements SignupPolicy {
    @Override
    public SignupDecision decide(SignupRequest request) {
        return SignupDecision.allow();
    }
}
