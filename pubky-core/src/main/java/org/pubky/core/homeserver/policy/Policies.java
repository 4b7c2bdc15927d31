package org.pubky.core.homeserver.policy;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.pubky.core.config.PubkyConfig;
import org.pubky.core.homeserver.SignupMode;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.Providers;
import org.pubky.spi.auth.AccessPolicy;
import org.pubky.spi.auth.AccessPolicyProvider;
import org.pubky.spi.auth.SignupPolicy;
import org.pubky.spi.auth.SignupPolicyProvider;

/**
 * The signup and access policies a homeserver runs with. The built-in signup modes need no
 * lookup; any other name is a provider found with {@link java.util.ServiceLoader}.
 *
 * @param signup who may sign up
 * @param access extra per-user limits and capability narrowing
 */
public record Policies(SignupPolicy signup, AccessPolicy access) {
    public Policies {
        requireNonNull(signup, "signup is null");
        requireNonNull(access, "access is null");
    }

    /** The built-in policy of a signup mode and no access policy. */
    public static Policies builtIn(String signupMode) {
        if (SignupMode.OPEN.wireName().equals(signupMode)) {
            return new Policies(new OpenSignupPolicy(), AccessPolicy.DEFAULT);
        }
        if (SignupMode.TOKEN_REQUIRED.wireName().equals(signupMode)) {
            return new Policies(new TokenSignupPolicy(), AccessPolicy.DEFAULT);
        }
        return open(signupMode, PubkyConfig.empty(), Policies.class.getClassLoader());
    }

    /**
     * Opens the policies configured by {@code pubky.signup.mode} (the {@code signupMode} given)
     * and {@code pubky.access.policy}, each provider seeing its own {@code pubky.signup.<name>.*}
     * or {@code pubky.access.<name>.*} keys.
     */
    public static Policies open(String signupMode, PubkyConfig config, ClassLoader loader) {
        ProviderContext context = new ProviderContext(Optional.empty(), Clock.systemUTC(), Map.of());
        SignupPolicy signup = Providers.find(SignupPolicyProvider.class, signupMode, loader)
                .open(context, config.subset("pubky.signup." + signupMode + "."));
        AccessPolicy access = config.get("pubky.access.policy")
                .map(name -> Providers.find(AccessPolicyProvider.class, name, loader)
                        .open(context, config.subset("pubky.access." + name + ".")))
                .orElse(AccessPolicy.DEFAULT);
        return new Policies(signup, access);
    }
}
