package org.pubky.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.keys.Keypair;

/**
 * The admin API over real HTTP on its own listener, against a token-signup homeserver on
 * in-memory stores: password checks, tokens, users, and the repair delete.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class AdminApiIT {
    static final String PASSWORD = "it-admin-secret";

    private static PubkyHomeserver server;
    private static Api api;
    private static AdminClient admin;

    @BeforeAll
    static void start() {
        server = PubkyHomeserver.builder().clientPort(0).adminPort(0).adminPassword(PASSWORD)
                .metadataStore("memory").blobStore("memory").start();
        api = new Api(server.clientUri(), server.publicKey());
        admin = new AdminClient(server, PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Api.User signup() {
        return api.signupCookie(Keypair.random(), admin.token());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // HS-ADM-005
    @Test
    void rootNeedsNoPassword() {
        Api.Resp root = admin.raw("GET", "/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.text()).isEqualTo("Homeserver - Admin Endpoint");
        assertThat(admin.raw("GET", "/no-such-route").status()).isEqualTo(404);
    }

    // HS-ADM-006, HS-ADM-007
    @Test
    void everyProtectedRouteNeedsThePassword() {
        String u = Keypair.random().publicKey().z32();
        List<String[]> routes = List.of(new String[] {"GET", "/generate_signup_token"},
                new String[] {"POST", "/generate_signup_token"}, new String[] {"GET", "/signup_tokens"},
                new String[] {"GET", "/info"}, new String[] {"POST", "/users/" + u + "/disable"},
                new String[] {"POST", "/users/" + u + "/enable"}, new String[] {"GET", "/users/" + u + "/quota"},
                new String[] {"PATCH", "/users/" + u + "/quota"}, new String[] {"DELETE", "/webdav/" + u + "/pub/a.txt"});
        for (String[] route : routes) {
            Api.Resp missing = admin.raw(route[0], route[1]);
            assertThat(missing.status()).as(route[1]).isEqualTo(401);
            assertThat(missing.text()).isEqualTo("Missing admin password");
            Api.Resp wrong = admin.raw(route[0], route[1], "X-Admin-Password", PASSWORD + "x");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.text()).isEqualTo("Invalid admin password");
            assertThat(admin.raw(route[0], route[1], "X-Admin-Password", "").text()).isEqualTo("Invalid admin password");
        }
    }

    @Test
    void corsPreflightIsAnsweredWithoutThePassword() {
        Api.Resp preflight = admin.raw("OPTIONS", "/info", "Origin", "https://ops.example",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "x-admin-password");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).hasValue("https://ops.example");
        assertThat(preflight.header("Access-Control-Allow-Headers")).hasValue("x-admin-password");
    }

    // HS-ADM-008, HS-ADM-010, HS-SIGNUP-002 (used status after signup)
    @Test
    void mintedTokensAreListedAndMarkedUsedBySignup() {
        String token = admin.token();
        assertThat(token).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        Map<String, Object> unused = findToken(token);
        assertThat(unused).containsEntry("used_at", null).containsEntry("used_by", null);
        assertThat((String) unused.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?");

        Api.User user = api.signupCookie(Keypair.random(), token);
        Map<String, Object> used = findToken(token);
        assertThat(used.get("used_by")).isEqualTo(user.z32());
        assertThat(used.get("used_at")).isInstanceOf(String.class);
        assertThat(api.get("/signup_tokens/" + token).text()).contains("\"status\":\"used\"");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> findToken(String token) {
        String cursor = null;
        while (true) {
            Api.Resp page = admin.get("/signup_tokens?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            Map<String, Object> body = AdminClient.json(page);
            for (Map<String, Object> item : (List<Map<String, Object>>) body.get("items")) {
                if (item.get("token").equals(token)) {
                    assertThat(item.keySet()).containsExactly("token", "created_at", "used_at", "used_by");
                    return item;
                }
            }
            cursor = (String) body.get("next_cursor");
            assertThat(cursor).as("token %s not listed", token).isNotNull();
        }
    }

    // HS-ADM-013
    @Test
    void badTokenQueriesAre400() {
        for (String query : List.of("state=unknown", "cursor=invalid", "limit=0", "limit=x", "limit=70000")) {
            assertThat(admin.get("/signup_tokens?" + query).status()).as(query).isEqualTo(400);
        }
        assertThat(admin.get("/signup_tokens?state=used&limit=5").status()).isEqualTo(200);
    }

    // HS-ADM-014, HS-SIGNUP-014, HS-SIGNUP-015
    @Test
    void aTokenTemplateBecomesTheNewUsersLimits() {
        Api.Resp minted = admin.send("POST", "/generate_signup_token",
                "{\"storage_quota_mb\":1024,\"rate_read\":\"200mb/m\",\"allowed_write_paths\":[\"/pub/tokens/\",\"/pub/paykit/\"]}");
        assertThat(minted.status()).isEqualTo(200);
        Api.User user = api.signupCookie(Keypair.random(), minted.text());
        Api.Resp quota = admin.get("/users/" + user.z32() + "/quota");
        assertThat(quota.text()).isEqualTo("{\"effective\":{\"storage_quota_mb\":1024,\"rate_read\":\"200mb/m\","
                + "\"rate_write\":\"unlimited\",\"allowed_write_paths\":[\"/pub/tokens/\",\"/pub/paykit/\"]},"
                + "\"overrides\":{\"storage_quota_mb\":1024,\"rate_read\":\"200mb/m\","
                + "\"allowed_write_paths\":[\"/pub/tokens/\",\"/pub/paykit/\"]}}");
        String base = "/storage/" + user.z32();
        assertThat(api.send("PUT", base + "/pub/tokens/foo.json", bytes("{}"), user.auth()).status()).isEqualTo(201);
        assertThat(api.send("PUT", base + "/pub/paykit/bar", bytes("x"), user.auth()).status()).isEqualTo(201);
        assertThat(api.send("PUT", base + "/pub/other/file", bytes("x"), user.auth()).status()).isEqualTo(403);
    }

    @Test
    void invalidTemplatesAreRefused() {
        assertThat(admin.send("POST", "/generate_signup_token", "{\"rate_read\":\"rubbish\"}").status()).isEqualTo(422);
        assertThat(admin.send("POST", "/generate_signup_token", "{\"rate_read_burst\":3}").status()).isEqualTo(422);
        assertThat(admin.send("POST", "/generate_signup_token", "[1]").status()).isEqualTo(422);
        Api.Resp syntax = admin.send("POST", "/generate_signup_token", "{\"storage_quota_mb\":");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.text()).startsWith("Failed to parse the request body as JSON");
        assertThat(admin.send("POST", "/generate_signup_token", "{}").status()).isEqualTo(200);
    }

    // HS-ADM-045, HS-ADM-046, HS-AUTH-005, HS-GRANT-008
    @Test
    void aDisabledUserCanReadDeleteAndSignInButNotWrite() {
        Keypair keys = Keypair.random();
        Api.User user = api.signupCookie(keys, admin.token());
        String base = "/storage/" + user.z32();
        assertThat(api.send("PUT", base + "/pub/a.txt", bytes("a"), user.auth()).status()).isEqualTo(201);
        assertThat(api.send("PUT", base + "/pub/b.txt", bytes("b"), user.auth()).status()).isEqualTo(201);

        Api.Resp disabled = admin.send("POST", "/users/" + user.z32() + "/disable", null);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.text()).isEqualTo("Ok");
        assertThat(api.get(base + "/pub/a.txt", user.auth()).status()).isEqualTo(200);
        Api.Resp put = api.send("PUT", base + "/pub/c.txt", bytes("c"), user.auth());
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.text()).isEqualTo("User is disabled");
        assertThat(api.send("DELETE", base + "/pub/a.txt", null, user.auth()).status()).isEqualTo(204);
        assertThat(api.send("DELETE", "/session", null, user.with("pubky-host", user.z32())).status()).isEqualTo(200);
        Api.User again = api.signinCookie(keys, "/:rw");
        assertThat(api.send("PUT", base + "/pub/c.txt", bytes("c"), again.auth()).status()).isEqualTo(403);
        Api.User bearer = api.grantSession(keys, Keypair.random(), "admin.it", "/:rw");
        assertThat(api.get(base + "/pub/b.txt", bearer.auth()).status()).isEqualTo(200);
        assertThat(api.send("PUT", base + "/pub/c.txt", bytes("c"), bearer.auth()).status()).isEqualTo(403);
        assertThat(api.send("DELETE", base + "/pub/b.txt", null, bearer.auth()).status()).isEqualTo(204);

        assertThat(admin.send("POST", "/users/" + user.z32() + "/enable", null).text()).isEqualTo("Ok");
        assertThat(api.send("PUT", base + "/pub/c.txt", bytes("c"), again.auth()).status()).isEqualTo(201);

        String stranger = Keypair.random().publicKey().z32();
        assertThat(admin.send("POST", "/users/" + stranger + "/disable", null).status()).isEqualTo(404);
        assertThat(admin.send("POST", "/users/" + stranger + "/enable", null).status()).isEqualTo(404);
        assertThat(admin.send("POST", "/users/1234/disable", null).status()).isEqualTo(400);
        assertThat(admin.send("POST", "/users/pubky" + stranger + "/disable", null).status()).isEqualTo(400);
    }

    // HS-ADM-042, HS-ADM-043, HS-ADM-044
    @Test
    void theRepairDeleteRemovesAPublicFileWithADelEvent() {
        Api.User user = signup();
        String file = "/storage/" + user.z32() + "/pub/my_file.txt";
        assertThat(api.send("PUT", file, bytes("0123456789"), user.auth()).status()).isEqualTo(201);
        long before = server.homeserver().metadata().events().lastCursor();

        assertThat(admin.send("DELETE", "/webdav/" + user.z32() + "/pub/my_file.txt", null).status()).isEqualTo(204);
        assertThat(api.get(file).status()).isEqualTo(404);
        assertThat(server.homeserver().metadata().users().find(user.z32()).orElseThrow().usedBytes()).isZero();
        var events = server.homeserver().metadata().events().read(new org.pubky.spi.storage.EventQuery(
                Map.of(user.z32(), 0L), 0, List.of(), 10, false));
        assertThat(events).extracting(e -> e.type().name() + " " + e.path())
                .containsExactly("PUT /pub/my_file.txt", "DEL /pub/my_file.txt");
        assertThat(events.get(1).cursor()).isGreaterThan(before);

        assertThat(admin.send("DELETE", "/webdav/" + user.z32() + "/pub/my_file.txt", null).status()).isEqualTo(404);
        assertThat(admin.send("DELETE", "/webdav/1234/pub/test.txt", null).status()).isEqualTo(400);
        assertThat(admin.send("DELETE", "/webdav/" + user.z32() + "/priv/x.txt", null).status()).isEqualTo(400);
        assertThat(admin.send("DELETE", "/webdav/" + user.z32() + "/pub//x.txt", null).status()).isEqualTo(400);
    }

    @Test
    void optionalListenersAreOffUnlessConfigured() {
        try (PubkyHomeserver plain = PubkyHomeserver.builder().clientPort(0).adminPort(0)
                .metadataStore("memory").blobStore("memory").start()) {
            assertThat(plain.adminUri()).isEmpty();
            assertThat(plain.metricsUri()).isEmpty();
        }
        assertThat(server.metricsUri()).isEmpty();
    }
}
