package org.pubky.core.homeserver.admin;

import java.util.Map;
import java.util.Set;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.PubkyException;
import org.pubky.spi.auth.AdminAuthenticator;
import org.pubky.spi.auth.AdminAuthenticatorProvider;

/** The {@code password} admin authenticator: key {@code password} (a secret). Stateless. */
public final class PasswordAdminAuthenticatorProvider implements AdminAuthenticatorProvider {
    /** This provider's name. */
    public static final String NAME = "password";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AdminAuthenticator open(ProviderContext context, Map<String, String> config) {
        String password = config.get("password");
        if (password == null || password.isEmpty()) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "the admin API needs a password (pubky.admin.password)");
        }
        return new PasswordAdminAuthenticator(password);
    }

    @Override
    public Set<String> sensitiveKeys() {
        return Set.of("password");
    }
}
