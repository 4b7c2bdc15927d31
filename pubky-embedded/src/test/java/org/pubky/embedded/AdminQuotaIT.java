package org.pubky.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.homeserver.SignupMode;
import org.pubky.core.keys.Keypair;

/**
 * Per-user limits through the admin API and their effect on the client API: one server without
 * defaults, one with default limits and published addresses.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class AdminQuotaIT {
    private static final String PASSWORD = "quota-it";

    private static PubkyHomeserver plain;
    private static PubkyHomeserver withDefaults;
    private static Api api;
    private static AdminClient admin;
    private static Api defaultsApi;
    private static AdminClient defaultsAdmin;

    @BeforeAll
    static void start() {
        plain = PubkyHomeserver.builder().clientPort(0).adminPort(0).adminPassword(PASSWORD)
                .signupMode(SignupMode.OPEN).metadataStore("memory").blobStore("memory").start();
        api = new Api(plain.clientUri(), plain.publicKey());
        admin = new AdminClient(plain, PASSWORD);
        withDefaults = PubkyHomeserver.builder().clientPort(0).adminPort(0).adminPassword(PASSWORD)
                .signupMode(SignupMode.OPEN).metadataStore("memory").blobStore("memory")
                .config(Map.of("pubky.quota.storage-mb", "100", "pubky.quota.rate-read", "10mb/s",
                        "pubky.quota.rate-write", "5mb/s", "pubky.pkdns.public-ip", "127.0.0.1",
                        "pubky.pkdns.public-tls-port", "9443", "pubky.pkdns.icann-domain", "example.test",
                        "pubky.pkdns.public-http-port", "8081"))
                .start();
        defaultsApi = new Api(withDefaults.clientUri(), withDefaults.publicKey());
        defaultsAdmin = new AdminClient(withDefaults, PASSWORD);
    }

    @AfterAll
    static void stop() {
        plain.close();
        withDefaults.close();
    }

    private static String quotaUrl(Api.User user) {
        return "/users/" + user.z32() + "/quota";
    }

    private static Map<String, Object> quota(AdminClient client, Api.User user) {
        Api.Resp r = client.get(quotaUrl(user));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return AdminClient.json(r);
    }

    private static int patch(AdminClient client, Api.User user, String body) {
        return client.send("PATCH", quotaUrl(user), body).status();
    }

    // HS-ADM-025, HS-ADM-029, HS-ADM-030
    @Test
    void quotaCrudWithTriStatePatches() {
        Api.User u = api.signupCookie(Keypair.random());
        assertThat(admin.get(quotaUrl(u)).text()).isEqualTo("{\"effective\":{\"storage_quota_mb\":\"unlimited\","
                + "\"rate_read\":\"unlimited\",\"rate_write\":\"unlimited\"},\"overrides\":{}}");
        Api.Resp ok = admin.send("PATCH", quotaUrl(u), "{\"storage_quota_mb\":500,\"rate_read\":\"100mb/m\"}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEmpty();
        assertThat(quota(admin, u)).isEqualTo(Map.of(
                "effective", Map.of("storage_quota_mb", 500L, "rate_read", "100mb/m", "rate_write", "unlimited"),
                "overrides", Map.of("storage_quota_mb", 500L, "rate_read", "100mb/m")));
        assertThat(patch(admin, u, "{\"rate_write\":\"50mb/m\"}")).isEqualTo(200);
        assertThat(patch(admin, u, "{\"storage_quota_mb\":200}")).isEqualTo(200);
        assertThat(quota(admin, u).get("overrides"))
                .isEqualTo(Map.of("storage_quota_mb", 200L, "rate_read", "100mb/m", "rate_write", "50mb/m"));
        assertThat(patch(admin, u, "{}")).isEqualTo(200);
        assertThat(patch(admin, u, "{\"rate_read\":\"unlimited\"}")).isEqualTo(200);
        assertThat(quota(admin, u).get("overrides"))
                .isEqualTo(Map.of("storage_quota_mb", 200L, "rate_read", "unlimited", "rate_write", "50mb/m"));
        assertThat(patch(admin, u, "{\"storage_quota_mb\":null,\"rate_read\":null,\"rate_write\":null}")).isEqualTo(200);
        assertThat(quota(admin, u).get("overrides")).isEqualTo(Map.of());
    }

    // HS-ADM-026, HS-ADM-001
    @Test
    void effectiveLimitsShowTheDefaultsAndInfoShowsThePublishedAddresses() {
        Api.User u = defaultsApi.signupCookie(Keypair.random());
        assertThat(quota(defaultsAdmin, u)).isEqualTo(Map.of(
                "effective", Map.of("storage_quota_mb", 100L, "rate_read", "10mb/s", "rate_write", "5mb/s"),
                "overrides", Map.of()));
        assertThat(patch(defaultsAdmin, u, "{\"storage_quota_mb\":500}")).isEqualTo(200);
        assertThat(quota(defaultsAdmin, u).get("effective"))
                .isEqualTo(Map.of("storage_quota_mb", 500L, "rate_read", "10mb/s", "rate_write", "5mb/s"));
        assertThat(patch(defaultsAdmin, u, "{\"rate_read\":\"unlimited\"}")).isEqualTo(200);
        assertThat(quota(defaultsAdmin, u)).isEqualTo(Map.of(
                "effective", Map.of("storage_quota_mb", 500L, "rate_read", "unlimited", "rate_write", "5mb/s"),
                "overrides", Map.of("storage_quota_mb", 500L, "rate_read", "unlimited")));

        Map<String, Object> info = AdminClient.json(defaultsAdmin.get("/info"));
        assertThat(info).containsEntry("public_key", withDefaults.publicKey().z32())
                .containsEntry("pkarr_pubky_address", "127.0.0.1:9443")
                .containsEntry("pkarr_icann_domain", "example.test:8081");
        assertThat((String) info.get("version")).isNotBlank();
    }

    // HS-ADM-002
    @Test
    void infoCountersTrackUsersDiskAndTokens() {
        Map<String, Object> before = AdminClient.json(admin.get("/info"));
        Api.User a = api.signupCookie(Keypair.random());
        Api.User b = api.signupCookie(Keypair.random());
        byte[] oneMiB = new byte[1024 * 1024 - 256];
        assertThat(api.send("PUT", "/storage/" + a.z32() + "/pub/one.bin", oneMiB, a.auth()).status()).isEqualTo(201);
        byte[] twoMiB = new byte[2 * 1024 * 1024 - 256];
        assertThat(api.send("PUT", "/storage/" + b.z32() + "/pub/two.bin", twoMiB, b.auth()).status()).isEqualTo(201);
        admin.send("POST", "/users/" + b.z32() + "/disable", null);
        admin.token();
        Map<String, Object> after = AdminClient.json(admin.get("/info"));
        assertThat((long) after.get("num_users") - (long) before.get("num_users")).isEqualTo(2);
        assertThat((long) after.get("num_disabled_users") - (long) before.get("num_disabled_users")).isEqualTo(1);
        assertThat((long) after.get("total_disk_used_mb") - (long) before.get("total_disk_used_mb")).isEqualTo(3);
        assertThat((long) after.get("num_signup_codes") - (long) before.get("num_signup_codes")).isEqualTo(1);
        assertThat((long) after.get("num_unused_signup_codes") - (long) before.get("num_unused_signup_codes")).isEqualTo(1);
        admin.send("POST", "/users/" + b.z32() + "/enable", null);
    }

    // HS-ADM-027, HS-ADM-028, HS-ADM-035, HS-ADM-038
    @Test
    void invalidPatchesAreRefusedAndChangeNothing() {
        Api.User u = api.signupCookie(Keypair.random());
        assertThat(patch(admin, u, "{\"storage_quota_mb\":7,\"rate_read\":\"1mb/s\",\"rate_read_burst\":4}")).isEqualTo(200);
        String before = admin.get(quotaUrl(u)).text();
        for (String bad : List.of("{\"rate_read\":\"rubbish\"}", "{\"rate_write\":\"100r/m\"}",
                "{\"rate_read_burst\":0}", "{\"rate_read_burst\":2147483648}", "{\"rate_write_burst\":5}",
                "{\"rate_read\":null}", "{\"allowed_write_paths\":[\"/\"]}", "{\"allowed_write_paths\":[\"/a/\",\"/a/\"]}",
                "{\"allowed_write_paths\":[\"pub/tokens/\"]}", "{\"allowed_write_paths\":[\"/pub/../etc/\"]}",
                "{\"storage_quota_mb\":-1}", "{\"storage_quota_mb\":\"lots\"}", "[]")) {
            Api.Resp r = admin.send("PATCH", quotaUrl(u), bad);
            assertThat(r.status()).as(bad).isEqualTo(422);
        }
        assertThat(admin.send("PATCH", quotaUrl(u), "{\"rate_read\":").status()).isEqualTo(400);
        assertThat(admin.get(quotaUrl(u)).text()).isEqualTo(before);

        String stranger = "/users/" + Keypair.random().publicKey().z32() + "/quota";
        assertThat(admin.get(stranger).status()).isEqualTo(404);
        assertThat(admin.send("PATCH", stranger, "{}").status()).isEqualTo(404);
        assertThat(admin.get("/users/not-a-key/quota").status()).isEqualTo(400);
    }

    // HS-QUO-003, HS-QUO-014
    @Test
    void aPerUserStorageLimitAppliesToTheNextWrite() {
        Api.User a = api.signupCookie(Keypair.random());
        Api.User b = api.signupCookie(Keypair.random());
        assertThat(patch(admin, a, "{\"storage_quota_mb\":1,\"rate_read\":null,\"rate_write\":null}")).isEqualTo(200);
        byte[] body = new byte[600_000];
        assertThat(api.send("PUT", "/storage/" + a.z32() + "/pub/1.bin", body, a.auth()).status()).isEqualTo(201);
        // an early 507 leaves the body unread, so its connection is closed: keep it out of the shared pool
        HttpResponse<String> full = ownConnection("PUT", "/storage/" + a.z32() + "/pub/2.bin", body, a.auth());
        assertThat(full.statusCode()).isEqualTo(507);
        assertThat(full.body()).isEqualTo("Disk space quota exceeded");
        assertThat(api.send("PUT", "/storage/" + b.z32() + "/pub/1.bin", body, b.auth()).status()).isEqualTo(201);
        assertThat(api.send("PUT", "/storage/" + b.z32() + "/pub/2.bin", body, b.auth()).status()).isEqualTo(201);
        assertThat(patch(admin, a, "{\"storage_quota_mb\":\"unlimited\"}")).isEqualTo(200);
        assertThat(api.send("PUT", "/storage/" + a.z32() + "/pub/2.bin", body, a.auth()).status()).isEqualTo(201);
    }

    private static HttpResponse<String> ownConnection(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(plain.clientUri().resolve(path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    // HS-ADM-003, HS-ADM-039
    @Test
    void theWriteAllowListRestrictsPutAndDeleteButNotReads() {
        Api.User u = api.signupCookie(Keypair.random());
        String base = "/storage/" + u.z32();
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(api.send("PUT", base + "/pub/other/bar.json", json, u.auth()).status()).isEqualTo(201);
        assertThat(patch(admin, u, "{\"allowed_write_paths\":[\"/pub/tokens/\"]}")).isEqualTo(200);
        assertThat(api.send("PUT", base + "/pub/tokens/foo.json", json, u.auth()).status()).isEqualTo(201);
        Api.Resp refused = api.send("PUT", base + "/pub/other/bar.json", json, u.auth());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).isEqualTo("Write to this path is not allowed");
        assertThat(api.get(base + "/pub/tokens/foo.json").body()).isEqualTo(json);
        assertThat(api.get(base + "/pub/other/bar.json").status()).isEqualTo(200);
        assertThat(api.send("DELETE", base + "/pub/tokens/foo.json", null, u.auth()).status()).isEqualTo(204);
        assertThat(api.send("DELETE", base + "/pub/other/bar.json", null, u.auth()).status()).isEqualTo(403);

        assertThat(patch(admin, u, "{\"allowed_write_paths\":[]}")).isEqualTo(200);
        assertThat(api.send("PUT", base + "/pub/tokens/foo.json", json, u.auth()).status()).isEqualTo(403);
        assertThat(patch(admin, u, "{\"allowed_write_paths\":null}")).isEqualTo(200);
        assertThat(api.send("PUT", base + "/pub/anything", json, u.auth()).status()).isEqualTo(201);
        assertThat(api.send("DELETE", base + "/pub/other/bar.json", null, u.auth()).status()).isEqualTo(204);
    }
}
