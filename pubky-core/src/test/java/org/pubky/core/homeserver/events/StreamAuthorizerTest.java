package org.pubky.core.homeserver.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pubky.core.testing.Failures.assertFails;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pubky.core.homeserver.auth.AuthSession;
import org.pubky.core.keys.Keypair;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.Capabilities;
import org.pubky.spi.ErrorCode;

final class StreamAuthorizerTest {
    private static final PublicKey OWNER = Keypair.random().publicKey();
    private static final PublicKey OTHER = Keypair.random().publicKey();

    private static StreamRequest request(String paths, PublicKey... users) {
        StringBuilder q = new StringBuilder();
        for (PublicKey user : users) {
            q.append("user=").append(user.z32()).append('&');
        }
        return StreamRequest.parse(q + paths);
    }

    private static Optional<AuthSession> session(PublicKey user, String caps, AuthSession.Kind kind) {
        return Optional.of(new AuthSession(user, Capabilities.parse(caps), kind, "id"));
    }

    @Test
    void withoutPathsTheFilterIsThePublicDirectory() {
        assertThat(StreamAuthorizer.authorize(request("", OWNER), Optional.empty())).containsExactly("/pub/");
    }

    @Test
    void anonymousPrivateFiltersNeedAuthentication() {
        assertFails(() -> StreamAuthorizer.authorize(request("path=/priv/app/", OWNER), Optional.empty()),
                ErrorCode.UNAUTHORIZED, "Authentication required to read private storage");
    }

    @Test
    void theOwnersRootCookieSessionMayReadItsPrivateDirectory() {
        assertThat(StreamAuthorizer.authorize(request("path=/priv/app/", OWNER),
                session(OWNER, "/:rw", AuthSession.Kind.COOKIE))).containsExactly("/priv/app/");
    }

    @Test
    void anotherUsersSessionIsForbidden() {
        assertFails(() -> StreamAuthorizer.authorize(request("path=/priv/app/", OTHER),
                session(OWNER, "/:rw", AuthSession.Kind.COOKIE)), ErrorCode.FORBIDDEN, "Session user does not match target tenant");
    }

    @Test
    void privateFiltersWithSeveralUsersAreForbiddenEvenForARootSession() {
        assertFails(() -> StreamAuthorizer.authorize(request("path=/priv/app/", OWNER, OTHER),
                session(OWNER, "/:rw", AuthSession.Kind.BEARER)), ErrorCode.FORBIDDEN,
                "A private read must be scoped to exactly one user");
        assertThat(StreamAuthorizer.privateTenant(request("path=/priv/app/", OWNER, OWNER))).isEmpty();
    }

    @Test
    void underScopedSessionsAreForbiddenMixedUnionsAllowed() {
        Optional<AuthSession> scoped = session(OWNER, "/priv/app/:r", AuthSession.Kind.BEARER);
        assertFails(() -> StreamAuthorizer.authorize(request("path=/priv/other/", OWNER), scoped), ErrorCode.FORBIDDEN,
                "Session does not have read access to path");
        assertThat(StreamAuthorizer.authorize(request("path=/pub/&path=/priv/app/", OWNER), scoped))
                .containsExactly("/pub/", "/priv/app/");
        // write-only scopes do not read
        assertFails(() -> StreamAuthorizer.authorize(request("path=/priv/app/", OWNER),
                session(OWNER, "/priv/app/:w", AuthSession.Kind.BEARER)), ErrorCode.FORBIDDEN,
                "Session does not have read access to path");
    }

    @Test
    void publicFiltersWithSeveralUsersNeedNoSession() {
        assertThat(StreamAuthorizer.authorize(request("path=/pub/", OWNER, OTHER), Optional.empty())).containsExactly("/pub/");
    }

    @Test
    void filtersOutsideTheRootsAreForbiddenAndTheFirstFailingFilterDecides() {
        assertFails(() -> StreamAuthorizer.authorize(request("path=/pub/&path=/", OWNER, OTHER), Optional.empty()),
                ErrorCode.FORBIDDEN, "Reading from directories other than '/pub/' and '/priv/' is forbidden");
        assertFails(() -> StreamAuthorizer.authorize(request("path=/priv", OWNER), Optional.empty()),
                ErrorCode.FORBIDDEN, "Reading from directories other than '/pub/' and '/priv/' is forbidden");
        assertFails(() -> StreamAuthorizer.authorize(request("path=/foo/&path=/priv/app/", OWNER), Optional.empty()),
                ErrorCode.FORBIDDEN, "Reading from directories other than '/pub/' and '/priv/' is forbidden");
        assertFails(() -> StreamAuthorizer.authorize(request("path=/priv/app/&path=/foo/", OWNER), Optional.empty()),
                ErrorCode.UNAUTHORIZED, "Authentication required to read private storage");
    }
}
