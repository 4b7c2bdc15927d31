package org.pubky.spi.auth;

import org.pubky.spi.Provider;

/**
 * Opens a {@link SignupPolicy}; found with {@link java.util.ServiceLoader} and chosen by the
 * {@code pubky.signup.mode} key. It sees the {@code pubky.signup.<name>.*} keys without the
 * prefix.
 */
public interface SignupPolicyProvider extends Provider<SignupPolicy> {
}
