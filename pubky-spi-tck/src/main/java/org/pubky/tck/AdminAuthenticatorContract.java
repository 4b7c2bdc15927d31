package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.auth.AdminAuthenticator;
import org.pubky.spi.auth.AdminRequest;

/**
 * The contract of a password-based {@link AdminAuthenticator}: the reference's two refusals, the
 * one acceptance, no secret in any message or {@code toString()}, and thread safety. A subclass
 * opens an authenticator that accepts exactly {@link #PASSWORD}.
 */
@Timeout(60)
public abstract class AdminAuthenticatorContract {
    /** The password the authenticator under test must be configured with. */
    protected static final String PASSWORD = "correct horse battery staple \u00e9";

    private AdminAuthenticator authenticator;

    /** A new authenticator accepting exactly {@link #PASSWORD}. */
    protected abstract AdminAuthenticator open(String password);

    @BeforeEach
    final void openAuthenticator() {
        authenticator = open(PASSWORD);
    }

    @AfterEach
    final void closeAuthenticator() {
        authenticator.close();
    }

    @Test
    public void theRightPasswordIsAccepted() {
        String subject = authenticator.authenticate(AdminRequest.ofPassword(PASSWORD));

        assertThat(subject).isNotBlank().doesNotContain(PASSWORD);
    }

    @Test
    public void aMissingHeaderIsRefusedAsMissing() {
        assertRefused(AdminRequest.ofPassword(null), "Missing admin password");
    }

    @Test
    public void anEmptyHeaderIsAWrongPasswordNotAMissingOne() {
        assertRefused(AdminRequest.ofPassword(""), "Invalid admin password");
    }

    @Test
    public void nearMissesAreRefusedAsInvalid() {
        List<String> wrong = List.of(PASSWORD + " ", " " + PASSWORD, PASSWORD.toUpperCase(java.util.Locale.ROOT),
                PASSWORD.substring(0, PASSWORD.length() - 1), PASSWORD + PASSWORD, "admin", "\u0000");
        for (String attempt : wrong) {
            assertRefused(AdminRequest.ofPassword(attempt), "Invalid admin password");
        }
    }

    @Test
    public void aContainerPrincipalAloneDoesNotReplaceThePassword() {
        Principal principal = () -> "someone";
        AdminRequest request = new AdminRequest(Optional.empty(), Optional.of(principal), role -> false);

        assertRefused(request, "Missing admin password");
    }

    @Test
    public void noMessageOrToStringRevealsASecret() {
        String attempt = "a-wrong-guess-" + PASSWORD.length();
        for (AdminRequest request : List.of(AdminRequest.ofPassword(attempt), AdminRequest.ofPassword(PASSWORD))) {
            assertThat(request.toString()).doesNotContain(PASSWORD).doesNotContain(attempt);
        }
        assertThatThrownBy(() -> authenticator.authenticate(AdminRequest.ofPassword(attempt)))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(attempt).doesNotContain(PASSWORD));
        assertThat(authenticator.toString()).doesNotContain(PASSWORD);
    }

    @Test
    public void concurrentCallsAreJudgedIndependently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean right = i % 2 == 0;
                calls.add(() -> {
                    try {
                        authenticator.authenticate(AdminRequest.ofPassword(right ? PASSWORD : PASSWORD + "x"));
                        return right;
                    } catch (PubkyException e) {
                        return !right && e.code() == ErrorCode.UNAUTHORIZED;
                    }
                });
            }
            for (Future<Boolean> result : pool.invokeAll(calls, 30, TimeUnit.SECONDS)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertRefused(AdminRequest request, String message) {
        assertThatThrownBy(() -> authenticator.authenticate(request))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED))
                .hasMessage(message);
    }
}
