package org.pubky.embedded;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.pubky.core.config.PubkyConfig;
import org.pubky.core.homeserver.admin.PasswordAdminAuthenticatorProvider;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.Providers;
import org.pubky.spi.auth.AdminAuthenticator;
import org.pubky.spi.auth.AdminAuthenticatorProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the admin API runs and who guards it: the {@code pubky.admin.authenticator} provider
 * (default {@code password}) opened with the {@code pubky.admin.*} keys. With the password
 * authenticator and no {@code pubky.admin.password}, the admin API stays off; that is logged,
 * the password never is.
 */
final class AdminSetup {
    private static final Logger LOG = LoggerFactory.getLogger(AdminSetup.class);

    private AdminSetup() {
    }

    static Optional<AdminAuthenticator> openAuthenticator(PubkyConfig cfg, Optional<Path> dataDir, Clock clock,
            ClassLoader loader) {
        String name = cfg.get(Keys.ADMIN_AUTHENTICATOR, PasswordAdminAuthenticatorProvider.NAME);
        boolean password = name.equals(PasswordAdminAuthenticatorProvider.NAME);
        if (password && cfg.get(Keys.ADMIN_PASSWORD).filter(p -> !p.isEmpty()).isEmpty()) {
            LOG.info("admin API is off: set {} (or PUBKY_ADMIN_PASSWORD) to enable it", Keys.ADMIN_PASSWORD);
            return Optional.empty();
        }
        AdminAuthenticatorProvider provider = Providers.find(AdminAuthenticatorProvider.class, name, loader);
        return Optional.of(provider.open(new ProviderContext(dataDir, clock, Map.of()), cfg.subset("pubky.admin.")));
    }

    /** The version {@code /info} reports: the jar's Implementation-Version, else {@code development}. */
    static String version() {
        String version = AdminSetup.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }
}
