package org.pubky.core.homeserver.policy;

import java.util.Map;
import org.pubky.core.homeserver.SignupMode;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.auth.SignupPolicy;
import org.pubky.spi.auth.SignupPolicyProvider;

/** The providers of the two built-in signup modes, registered for {@link java.util.ServiceLoader}. */
public final class BuiltInSignupPolicies {
    private BuiltInSignupPolicies() {
    }

    /** {@code open}. */
    public static final class Open implements SignupPolicyProvider {
        @Override
        public String name() {
            return SignupMode.OPEN.wireName();
        }

        @Override
        public SignupPolicy open(ProviderContext context, Map<String, String> config) {
            return new OpenSignupPolicy();
        }
    }

    /** {@code token_required}. */
    public static final class TokenRequired implements SignupPolicyProvider {
        @Override
        public String name() {
            return SignupMode.TOKEN_REQUIRED.wireName();
        }

        @Override
        public SignupPolicy open(ProviderContext context, Map<String, String> config) {
            return new TokenSignupPolicy();
        }
    }
}
