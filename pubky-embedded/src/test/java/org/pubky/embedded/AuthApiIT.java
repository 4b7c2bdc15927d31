package org.pubky.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pubky.core.auth.CookieSessionRecord;
import org.pubky.core.auth.Grant;
import org.pubky.core.auth.PopProof;
import org.pubky.core.encoding.Json;
import org.pubky.core.keys.Keypair;
import org.pubky.core.path.Capabilities;

/** Cookie and grant authentication over real HTTP, with the reference's error answers. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class AuthApiIT {
    @RegisterExtension
    static final RunningHomeserver HS = new RunningHomeserver();

    @Test
    void cookieSignupReturnsTheSessionRecordAndACookie() {
        Keypair key = Keypair.random();
        Api.Resp r = HS.api().send("POST", "/signup", HS.api().authToken(key, "/:rw"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).hasValue("application/octet-stream");
        CookieSessionRecord record = CookieSessionRecord.decode(r.body());
        assertThat(record.publicKey()).isEqualTo(key.publicKey());
        assertThat(record.capabilities()).extracting(Object::toString).containsExactly("/:rw");
        assertThat(record.createdAt()).isGreaterThan(Instant.now().minusSeconds(60).getEpochSecond() * 1_000_000L);
        String cookie = r.header("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(key.publicKey().z32() + "=").contains("HttpOnly", "Path=/", "Max-Age=31536000");
        assertThat(cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'))).matches("[0-9A-Z]{26}");
        assertThat(cookie).doesNotContain("Secure"); // Host 127.0.0.1:port

        Api.User user = Api.cookieUser(key, r);
        Api.Resp session = HS.api().get("/session", user.with("pubky-host", user.z32()));
        assertThat(session.status()).isEqualTo(200);
        CookieSessionRecord described = CookieSessionRecord.decode(session.body());
        assertThat(described.createdAt()).isLessThan(10_000_000_000L); // seconds, the reference's quirk
    }

    @Test
    void secureCookieAttributesDependOnTheHost() {
        Keypair key = Keypair.random();
        Api.Resp r = HS.api().send("POST", "/signup", HS.api().authToken(key, "/:rw"), "Host", "example.com");
        assertThat(r.header("Set-Cookie").orElseThrow()).contains("Secure", "SameSite=None");
    }

    @Test
    void signupErrorsFollowTheReference() {
        Keypair key = Keypair.random();
        HS.api().signupCookie(key);
        Api.Resp exists = HS.api().send("POST", "/signup", HS.api().authToken(key, "/:rw"));
        assertThat(exists.status()).isEqualTo(409);
        assertThat(exists.text()).isEqualTo("User already exists");
        Api.Resp badToken = HS.api().send("POST", "/signup?signup_token=nope", HS.api().authToken(Keypair.random(), "/:rw"));
        assertThat(badToken.status()).isEqualTo(400);
        assertThat(badToken.text()).startsWith("Invalid signup token format");
        Api.Resp garbage = HS.api().send("POST", "/signup", new byte[] {1, 2, 3});
        assertThat(garbage.status()).isEqualTo(400);
    }

    @Test
    void anAuthTokenIsAcceptedOnce() {
        Keypair key = Keypair.random();
        byte[] token = HS.api().authToken(key, "/:rw");
        assertThat(HS.api().send("POST", "/signup", token).status()).isEqualTo(200);
        Api.Resp replay = HS.api().send("POST", "/session", token);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.text()).isEqualTo("AuthToken already used");
    }

    @Test
    void signinOfAnUnknownUserIsNotFound() {
        assertThat(HS.api().send("POST", "/session", HS.api().authToken(Keypair.random(), "/:rw")).status()).isEqualTo(404);
    }

    @Test
    void signoutIsIdempotentAndKillsTheCookie() {
        Api.User u = HS.api().signupCookie(Keypair.random());
        String url = "/storage/" + u.z32() + "/pub/x.txt";
        assertThat(HS.api().send("PUT", url, new byte[] {1}, u.auth()).status()).isEqualTo(201);
        Api.Resp out = HS.api().send("DELETE", "/session", null, u.with("pubky-host", u.z32()));
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.header("Set-Cookie").orElseThrow()).startsWith(u.z32() + "=;").contains("Max-Age=0");
        assertThat(HS.api().send("DELETE", "/session", null, u.with("pubky-host", u.z32())).status()).isEqualTo(200);
        assertThat(HS.api().send("PUT", url, new byte[] {2}, u.auth()).status()).isEqualTo(401);
        assertThat(HS.api().get("/session", u.with("pubky-host", u.z32())).status()).isEqualTo(401);
        assertThat(HS.api().send("DELETE", "/session", null).status()).isEqualTo(400);
    }

    @Test
    void grantSignupSessionAndWrite() {
        Keypair key = Keypair.random();
        Api.User u = HS.api().signupGrant(key, "/:rw");
        assertThat(HS.api().send("PUT", "/storage/" + u.z32() + "/pub/test.app/hello.txt", "hi".getBytes(), u.auth()).status())
                .isEqualTo(201);
        Api.Resp info = HS.api().get("/auth/grant/session", u.auth());
        assertThat(info.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(info.text());
        assertThat(json).containsEntry("pubky", u.z32()).containsEntry("homeserver", HS.server().publicKey().z32())
                .containsEntry("client_id", "test.app").containsKeys("grant_id", "token_expires_at", "grant_expires_at", "created_at");
    }

    @Test
    void grantErrorsMapToTheReferenceStatuses() {
        Keypair user = Keypair.random();
        HS.api().signupGrant(user, "/:rw");
        Keypair client = Keypair.random();
        String grant = HS.api().grant(user, client, "x.app", "/:rw", 3600);

        Api.Resp wrongPop = HS.api().send("POST", "/auth/grant/session", Api.grantBody(grant, HS.api().pop(Keypair.random(), grant)));
        assertThat(wrongPop.status()).isEqualTo(401);
        assertThat(wrongPop.text()).isEqualTo("Invalid PoP proof: invalid PoP signature");

        String foreign = HS.api().grant(user, client, "x.app", "/:rw", 3600);
        String forged = foreign.substring(0, foreign.lastIndexOf('.') + 1) + grant.substring(grant.lastIndexOf('.') + 1);
        Api.Resp badSig = HS.api().send("POST", "/auth/grant/session", Api.grantBody(forged, HS.api().pop(client, forged)));
        assertThat(badSig.status()).isEqualTo(401);
        assertThat(badSig.text()).isEqualTo("Invalid grant: invalid grant signature");

        long now = Instant.now().getEpochSecond();
        String expired = new Grant(user.publicKey(), "x.app", Capabilities.root(), client.publicKey(), "ABCDEFGHIJKLMNOPQRSTUV",
                now - 100, now - 10).sign(user);
        Api.Resp exp = HS.api().send("POST", "/auth/grant/session", Api.grantBody(expired, HS.api().pop(client, expired)));
        assertThat(exp.status()).isEqualTo(401);
        assertThat(exp.text()).isEqualTo("Invalid grant: grant has expired");

        String stale = new PopProof(HS.server().publicKey(), Grant.decode(grant).jti(), "NONCE-stale", 1000).sign(client);
        Api.Resp old = HS.api().send("POST", "/auth/grant/session", Api.grantBody(grant, stale));
        assertThat(old.text()).isEqualTo("Invalid PoP proof: PoP timestamp out of range");

        String wrongAud = new PopProof(Keypair.random().publicKey(), Grant.decode(grant).jti(), "NONCE-aud", now).sign(client);
        assertThat(HS.api().send("POST", "/auth/grant/session", Api.grantBody(grant, wrongAud)).text())
                .isEqualTo("Invalid PoP proof: PoP audience mismatch");

        String pop = HS.api().pop(client, grant);
        assertThat(HS.api().send("POST", "/auth/grant/session", Api.grantBody(grant, pop)).status()).isEqualTo(200);
        Api.Resp replay = HS.api().send("POST", "/auth/grant/session", Api.grantBody(grant, pop));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.text()).isEqualTo("PoP nonce already used");

        Api.Resp notJson = HS.api().send("POST", "/auth/grant/session", "nope".getBytes(StandardCharsets.UTF_8));
        assertThat(notJson.status()).isEqualTo(400);
        Api.Resp unknownUser = HS.api().send("POST", "/auth/grant/session", Api.grantBody(
                HS.api().grant(Keypair.random(), client, "x.app", "/:rw", 60), "a.b.c"));
        assertThat(unknownUser.status()).isIn(401, 404);
    }

    @Test
    void reMintingRotatesTheBearerAndSignoutRevokesTheGrant() {
        Keypair user = Keypair.random();
        HS.api().signupGrant(user, "/:rw");
        Keypair client = Keypair.random();
        String grant = HS.api().grant(user, client, "rotate.app", "/:rw", 3600);
        Api.Resp first = HS.api().send("POST", "/auth/grant/session", Api.grantBody(grant, HS.api().pop(client, grant)));
        Api.Resp second = HS.api().send("POST", "/auth/grant/session", Api.grantBody(grant, HS.api().pop(client, grant)));
        String t1 = token(first);
        String t2 = token(second);
        assertThat(t1).hasSize(43).isNotEqualTo(t2);
        String url = "/storage/" + user.publicKey().z32() + "/pub/refresh.test/f";
        assertThat(HS.api().send("PUT", url, new byte[] {1}, "Authorization", "Bearer " + t1).status()).isEqualTo(401);
        assertThat(HS.api().send("PUT", url, new byte[] {1}, "Authorization", "Bearer " + t2).status()).isEqualTo(201);
        assertThat(HS.api().send("DELETE", "/auth/grant/session", null, "Authorization", "Bearer " + t2).status()).isEqualTo(200);
        assertThat(HS.api().send("DELETE", "/auth/grant/session", null, "Authorization", "Bearer " + t2).status()).isEqualTo(200);
        assertThat(HS.api().send("PUT", url, new byte[] {1}, "Authorization", "Bearer " + t2).status()).isEqualTo(401);
        Api.Resp revoked = HS.api().send("POST", "/auth/grant/session", Api.grantBody(grant, HS.api().pop(client, grant)));
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.text()).isEqualTo("Grant has been revoked");
    }

    @Test
    void rootSessionsListAndRevokeGrants() {
        Keypair user = Keypair.random();
        Api.User root = HS.api().signupGrant(user, "/:rw");
        Api.User scoped = HS.api().grantSession(user, Keypair.random(), "scoped.app", "/pub/scoped.app/:rw");
        Api.Resp forbidden = HS.api().get("/auth/grant/sessions", scoped.auth());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text()).isEqualTo("Root capability required");
        Api.Resp list = HS.api().get("/auth/grant/sessions", root.auth());
        assertThat(list.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        java.util.List<Map<String, Object>> grants = (java.util.List<Map<String, Object>>) Json.parse(list.text());
        Map<String, Object> scopedGrant = grants.stream().filter(g -> g.get("client_id").equals("scoped.app")).findFirst().orElseThrow();
        assertThat(scopedGrant.get("capabilities")).isEqualTo("/pub/scoped.app/:rw");
        String gid = (String) scopedGrant.get("grant_id");

        Api.User stranger = HS.api().signupGrant(Keypair.random(), "/:rw");
        Api.Resp notYours = HS.api().send("DELETE", "/auth/grant/session/" + gid, null, stranger.auth());
        assertThat(notYours.status()).isEqualTo(403);
        assertThat(notYours.text()).isEqualTo("Grant does not belong to authenticated user");
        assertThat(HS.api().send("DELETE", "/auth/grant/session/" + gid, null, root.auth()).status()).isEqualTo(200);
        assertThat(HS.api().send("PUT", "/storage/" + user.publicKey().z32() + "/pub/scoped.app/x", new byte[] {1}, scoped.auth()).status())
                .isEqualTo(401);
        assertThat(HS.api().send("DELETE", "/auth/grant/session/AAAAAAAAAAAAAAAAAAAAAA", null, root.auth()).status()).isEqualTo(404);
        assertThat(HS.api().send("DELETE", "/auth/grant/session/bad!id", null, root.auth()).status()).isEqualTo(400);
    }

    @Test
    void signupGrantRules() {
        Keypair user = Keypair.random();
        Keypair client = Keypair.random();
        String wrongClient = HS.api().grant(user, client, "test.app", "/:rw", 300);
        Api.Resp r = HS.api().send("POST", "/auth/grant/signup", Api.grantBody(wrongClient, HS.api().pop(client, wrongClient)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).isEqualTo("signup grants must use client_id pubky.signup");
        String tooLong = HS.api().grant(user, client, "pubky.signup", "/:rw", 301);
        Api.Resp lifetime = HS.api().send("POST", "/auth/grant/signup", Api.grantBody(tooLong, HS.api().pop(client, tooLong)));
        assertThat(lifetime.text()).isEqualTo("signup grant lifetime exceeds 5 minutes");
        String notRoot = HS.api().grant(user, client, "pubky.signup", "/pub/:rw", 300);
        assertThat(HS.api().send("POST", "/auth/grant/signup", Api.grantBody(notRoot, HS.api().pop(client, notRoot))).status()).isEqualTo(403);
    }

    @Test
    void unusableBearersLeaveTheRequestAnonymous() {
        Api.User u = HS.api().signupCookie(Keypair.random());
        String url = "/storage/" + u.z32() + "/pub/f";
        // an invalid bearer falls through to the tenant's cookie on storage routes
        assertThat(HS.api().send("PUT", url, new byte[] {1}, u.with("Authorization", "Bearer not-a-valid-token")).status()).isEqualTo(201);
        assertThat(HS.api().send("PUT", url, new byte[] {1}, "Authorization", "Bearer " + "a".repeat(43)).status()).isEqualTo(401);
        assertThat(HS.api().send("PUT", url, new byte[] {1}, "Authorization", "Basic dXNlcjpwYXNz").status()).isEqualTo(401);
        assertThat(HS.api().get("/auth/grant/session", "Authorization", "Bearer " + "b".repeat(200)).status()).isEqualTo(401);
    }

    @Test
    void infoAndRoot() {
        Api.Resp info = HS.api().get("/info");
        assertThat(info.text()).isEqualTo("{\"features\":[\"path-addressed-storage\"]}");
        assertThat(info.header("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(info.header("Cache-Control")).hasValue("no-store");
        assertThat(HS.api().get("/").text()).isEqualTo("Pubky Homeserver");
    }

    @SuppressWarnings("unchecked")
    private static String token(Api.Resp r) {
        assertThat(r.status()).isEqualTo(200);
        return (String) ((Map<String, Object>) Json.parse(r.text())).get("token");
    }
}
