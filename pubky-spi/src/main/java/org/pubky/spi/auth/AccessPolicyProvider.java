package org.pubky.spi.auth;

import org.pubky.spi.Provider;

/**
 * Opens an {@link AccessPolicy}; chosen by {@code pubky.access.policy} (default: none). It sees
 * the {@code pubky.access.<name>.*} keys without the prefix.
 */
public interface AccessPolicyProvider extends Provider<AccessPolicy> {
}
