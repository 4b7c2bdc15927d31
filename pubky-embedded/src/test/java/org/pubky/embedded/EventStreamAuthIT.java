package org.pubky.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pubky.core.encoding.Json;
import org.pubky.core.keys.Keypair;

/**
 * Private event streams over real HTTP: who may ask for {@code /priv/} filters, bearer before
 * cookie (and no cookie at all once a bearer scheme is presented), and streams closing when their
 * credential is revoked while public streams stay open.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class EventStreamAuthIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    @RegisterExtension
    static final RunningHomeserver HS = new RunningHomeserver();

    private static void put(Api.User u, String path) {
        assertThat(HS.api().send("PUT", "/storage/" + u.z32() + path, path.getBytes(StandardCharsets.UTF_8), u.auth()).status())
                .isEqualTo(201);
    }

    private static SseClient stream(String query, String... headers) {
        return SseClient.open(HS.server().clientUri(), "/events-stream?" + query, headers);
    }

    /** A cookie session with {@code caps} for an existing user ({@code POST /session}). */
    private static Api.User cookie(Keypair key, String caps) {
        return HS.api().signinCookie(key, caps);
    }

    /** {@code DELETE /session} with that cookie. */
    private static void signOut(Api.User cookieUser) {
        assertThat(HS.api().send("DELETE", "/session", null, cookieUser.with("pubky-host", cookieUser.z32())).status())
                .isEqualTo(200);
    }

    /** A user whose storage holds public, in-scope private and out-of-scope private files. */
    private static Api.User owner() {
        Api.User u = HS.api().signupGrant(Keypair.random(), "/:rw");
        put(u, "/pub/a.txt");
        put(u, "/priv/app/secret.txt");
        put(u, "/priv/other/x.txt");
        put(u, "/pub/b.txt");
        return u;
    }

    private static void assertError(SseClient s, int status, String text) {
        assertThat(s.status()).isEqualTo(status);
        assertThat(s.text()).isEqualTo(text);
        assertThat(s.header("Cache-Control")).hasValue("no-store");
        assertThat(s.header("Vary")).hasValue("pubky-host, Authorization, Cookie");
    }

    @Test
    void anonymousStreamsSeeOnlyPublicEvents() {
        Api.User u = owner();
        assertThat(stream("user=" + u.z32()).all(WAIT)).extracting(SseClient.Message::path)
                .containsExactly("/pub/a.txt", "/pub/b.txt");
        assertError(stream("user=" + u.z32() + "&path=/priv/app/"), 401, "Authentication required to read private storage");
        assertError(stream("user=" + u.z32() + "&path=/pub/&path=/"), 403,
                "Reading from directories other than '/pub/' and '/priv/' is forbidden");
        // credentials do not widen the default filter
        assertThat(stream("user=" + u.z32(), u.auth()).all(WAIT)).extracting(SseClient.Message::path)
                .containsExactly("/pub/a.txt", "/pub/b.txt");
    }

    @Test
    void theOwnersBearerReadsPrivateFiltersAndOnlyThose() {
        Api.User u = owner();
        SseClient one = stream("user=" + u.z32() + "&path=/priv/app/&limit=1", u.auth());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.header("Cache-Control")).hasValue("no-store");
        assertThat(one.header("Vary")).hasValue("pubky-host, Authorization, Cookie");
        assertThat(one.all(WAIT)).extracting(SseClient.Message::uri)
                .containsExactly("pubky://" + u.z32() + "/priv/app/secret.txt");
        assertThat(stream("user=" + u.z32() + "&path=/pub/&path=/priv/app/", u.auth()).all(WAIT))
                .extracting(SseClient.Message::path).containsExactly("/pub/a.txt", "/priv/app/secret.txt", "/pub/b.txt");
        assertThat(stream("user=" + u.z32() + "&path=/pub/&path=/priv/app/&limit=2", u.auth()).all(WAIT))
                .extracting(SseClient.Message::path).containsExactly("/pub/a.txt", "/priv/app/secret.txt");
    }

    @Test
    void otherUsersScopesAndMultiUserPrivateRequestsAreForbidden() {
        Api.User u = owner();
        Api.User a = HS.api().signupGrant(Keypair.random(), "/:rw");
        assertError(stream("user=" + u.z32() + "&path=/priv/app/", a.auth()), 403, "Session user does not match target tenant");
        assertError(stream("user=" + a.z32() + "&user=" + u.z32() + "&path=/priv/app/", a.auth()), 403,
                "A private read must be scoped to exactly one user");
        assertError(stream("user=" + a.z32() + "&user=" + u.z32() + "&path=/priv/app/"), 401,
                "Authentication required to read private storage");
        // a scoped session: /priv/app/:r covers /priv/app/ only
        Api.User scoped = HS.api().grantSession(u.keypair(), Keypair.random(), "scoped.app", "/priv/app/:r");
        assertError(stream("user=" + u.z32() + "&path=/priv/other/", scoped.auth()), 403,
                "Session does not have read access to path");
        assertThat(stream("user=" + u.z32() + "&path=/pub/&path=/priv/app/", scoped.auth()).all(WAIT))
                .extracting(SseClient.Message::path).containsExactly("/pub/a.txt", "/priv/app/secret.txt", "/pub/b.txt");
        // public filters need nothing, even for several users
        assertThat(stream("user=" + a.z32() + "&user=" + u.z32() + "&path=/pub/").status()).isEqualTo(200);
    }

    @Test
    void cookiesAreChosenByTheOnlyUserAndIgnoredOnceABearerSchemeIsPresented() {
        Api.User u = owner();
        Api.User c = cookie(u.keypair(), "/:rw");
        // the cookie named after the user=… value authorizes (HS-EVT-018, 026)
        assertThat(stream("user=" + u.z32() + "&path=/priv/app/&limit=1", c.auth()).all(WAIT))
                .extracting(SseClient.Message::path).containsExactly("/priv/app/secret.txt");
        // u's secret under another user's name is not that user's session (HS-EVT-019)
        String otherUser = Keypair.random().publicKey().z32(); // need not even exist: 401 comes first
        String secret = c.auth()[1].substring(u.z32().length() + 1);
        assertError(stream("user=" + otherUser + "&path=/priv/app/", "Cookie", otherUser + "=" + secret), 401,
                "Authentication required to read private storage");
        // a presented bearer disables the cookie, with or without pubky-host (HS-EVT-020)
        assertError(stream("user=" + u.z32() + "&path=/priv/app/", c.with("Authorization", "Bearer not-a-real-token")),
                401, "Authentication required to read private storage");
        assertError(stream("user=" + u.z32() + "&path=/priv/app/",
                c.with("Authorization", "Bearer not-a-real-token", "pubky-host", u.z32())), 401,
                "Authentication required to read private storage");
        // another scheme does not (HS-EVT-028)
        assertThat(stream("user=" + u.z32() + "&path=/priv/app/&limit=1", c.with("Authorization", "Basic Zm9vOmJhcg=="))
                .all(WAIT)).hasSize(1);
        // several users: no cookie is considered
        assertError(stream("user=" + u.z32() + "&user=" + otherUser + "&path=/priv/app/", c.auth()), 401,
                "Authentication required to read private storage");
    }

    @Test
    void liveStreamsFilterPrivateEventsByScope() {
        Api.User u = owner();
        SseClient anonymous = stream("user=" + u.z32() + "&live=true");
        SseClient bearer = stream("user=" + u.z32() + "&path=/priv/app/&live=true", u.auth());
        Api.User c = cookie(u.keypair(), "/priv/app/:r");
        SseClient viaCookie = stream("user=" + u.z32() + "&path=/priv/app/&live=true", c.auth());
        assertThat(anonymous.next(2, WAIT)).hasSize(2);
        assertThat(bearer.next(WAIT).path()).isEqualTo("/priv/app/secret.txt");
        assertThat(viaCookie.next(WAIT).path()).isEqualTo("/priv/app/secret.txt");
        put(u, "/priv/app/hidden.txt");
        put(u, "/priv/other/skip.txt");
        put(u, "/pub/visible.txt");
        put(u, "/priv/app/live.txt");
        assertThat(anonymous.next(WAIT).path()).isEqualTo("/pub/visible.txt");
        assertThat(bearer.next(2, WAIT)).extracting(SseClient.Message::path)
                .containsExactly("/priv/app/hidden.txt", "/priv/app/live.txt");
        assertThat(viaCookie.next(2, WAIT)).extracting(SseClient.Message::path)
                .containsExactly("/priv/app/hidden.txt", "/priv/app/live.txt");
        anonymous.assertNothingFor(Duration.ofMillis(300));
        anonymous.close();
        bearer.close();
        viaCookie.close();
    }

    @Test
    void revokingTheGrantClosesItsPrivateStreamWithinFiveSecondsButNotPublicStreams() {
        Api.User u = HS.api().signupGrant(Keypair.random(), "/:rw");
        Api.User b = HS.api().grantSession(u.keypair(), Keypair.random(), "b.app", "/:rw");
        SseClient priv = stream("user=" + u.z32() + "&path=/priv/app/&live=true", b.auth());
        SseClient pub = stream("user=" + u.z32() + "&live=true");
        assertThat(priv.status()).isEqualTo(200);
        put(u, "/priv/app/before.txt");
        assertThat(priv.next(WAIT).path()).isEqualTo("/priv/app/before.txt");

        @SuppressWarnings("unchecked")
        String grantId = (String) ((Map<String, Object>) Json.parse(HS.api().get("/auth/grant/session", b.auth()).text()))
                .get("grant_id");
        long revokedAt = System.nanoTime();
        assertThat(HS.api().send("DELETE", "/auth/grant/session/" + grantId, null, u.auth()).status()).isEqualTo(200);
        assertThat(priv.awaitEnd(Duration.ofSeconds(5))).as("private stream closed within 5 s").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(Duration.ofSeconds(5));
        put(u, "/priv/app/after.txt");
        put(u, "/pub/after.txt");
        assertThat(pub.next(WAIT).path()).isEqualTo("/pub/after.txt");
        assertThat(pub.ended()).isFalse();
        assertThat(priv.raw()).doesNotContain("after.txt");
        pub.close();
        // a revoked grant opens nothing any more
        assertError(stream("user=" + u.z32() + "&path=/priv/app/", b.auth()), 401,
                "Authentication required to read private storage");
    }

    @Test
    void signingOutClosesTheCookiesPrivateStreamWithinFiveSeconds() {
        Api.User u = HS.api().signupGrant(Keypair.random(), "/:rw");
        Api.User c = cookie(u.keypair(), "/:rw");
        Api.User keep = cookie(u.keypair(), "/:rw");
        SseClient priv = stream("user=" + u.z32() + "&path=/priv/app/&live=true", c.auth());
        SseClient other = stream("user=" + u.z32() + "&path=/priv/app/&live=true", keep.auth());
        put(u, "/priv/app/before.txt");
        assertThat(priv.next(WAIT).path()).isEqualTo("/priv/app/before.txt");
        assertThat(other.next(WAIT).path()).isEqualTo("/priv/app/before.txt");
        long signedOut = System.nanoTime();
        signOut(c);
        assertThat(priv.awaitEnd(Duration.ofSeconds(5))).as("private stream closed within 5 s").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - signedOut)).isLessThan(Duration.ofSeconds(5));
        put(u, "/priv/app/after.txt");
        assertThat(other.next(WAIT).path()).isEqualTo("/priv/app/after.txt"); // the other session is unaffected
        assertThat(priv.raw()).doesNotContain("after.txt");
        other.close();
    }

    @Test
    void historyReplayIsSentInFullForAValidSession() {
        Api.User u = HS.api().signupGrant(Keypair.random(), "/:rw");
        for (int i = 0; i < 120; i++) {
            put(u, "/priv/app/f" + i);
        }
        List<SseClient.Message> all = stream("user=" + u.z32() + "&path=/priv/app/", u.auth()).all(WAIT);
        assertThat(all).hasSize(120);
    }
}
