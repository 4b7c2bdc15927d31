package org.pubky.core.homeserver.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.Providers;
import org.pubky.spi.auth.AdminAuthenticator;
import org.pubky.spi.auth.AdminAuthenticatorProvider;
import org.pubky.tck.AdminAuthenticatorContract;

/** The default admin authenticator, opened through ServiceLoader, against the contract. */
final class PasswordAdminAuthenticatorTest extends AdminAuthenticatorContract {
    @Override
    protected AdminAuthenticator open(String password) {
        return Providers.find(AdminAuthenticatorProvider.class, "password", getClass().getClassLoader())
                .open(ProviderContext.of(Path.of(".")), Map.of("password", password));
    }

    @Test
    void aMissingOrEmptyPasswordIsAConfigurationError() {
        AdminAuthenticatorProvider provider = new PasswordAdminAuthenticatorProvider();
        assertThatThrownBy(() -> provider.open(ProviderContext.of(Path.of(".")), Map.of()))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
        assertThatThrownBy(() -> new PasswordAdminAuthenticator(""))
                .isInstanceOf(PubkyException.class);
        assertThat(provider.sensitiveKeys()).containsExactly("password");
    }
}
