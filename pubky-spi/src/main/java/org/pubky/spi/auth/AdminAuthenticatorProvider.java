package org.pubky.spi.auth;

import org.pubky.spi.Provider;

/**
 * Opens an {@link AdminAuthenticator}; found with {@link java.util.ServiceLoader} and chosen by
 * the {@code pubky.admin.authenticator} key (default {@code password}). The configuration it sees
 * is the {@code pubky.admin.*} namespace without the prefix (so {@code password} for the shared
 * password); secret keys must be listed in {@link #sensitiveKeys()}.
 */
public interface AdminAuthenticatorProvider extends Provider<AdminAuthenticator> {
}
