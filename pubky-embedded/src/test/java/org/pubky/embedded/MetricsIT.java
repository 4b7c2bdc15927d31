package org.pubky.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.homeserver.SignupMode;
import org.pubky.core.keys.Keypair;

/** {@code GET /metrics} on its own listener: format, counts, labels, and no secrets. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class MetricsIT {
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*})? "
                    + "(-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?|\\+Inf|-Inf|NaN)");
    private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*");

    private static PubkyHomeserver server;
    private static Api api;
    private static Api metrics;

    @BeforeAll
    static void start() {
        server = PubkyHomeserver.builder().clientPort(0).metricsPort(0).adminPort(0).adminPassword("m")
                .signupMode(SignupMode.OPEN).metadataStore("memory").blobStore("memory").start();
        api = new Api(server.clientUri(), server.publicKey());
        metrics = new Api(server.metricsUri().orElseThrow(), server.publicKey());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String scrape() {
        Api.Resp r = metrics.get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        for (String line : r.text().split("\n")) {
            assertThat(SAMPLE.matcher(line).matches() || COMMENT.matcher(line).matches()).as(line).isTrue();
        }
        return r.text();
    }

    private static List<String> samples(String text, String name) {
        return text.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " ")).toList();
    }

    // HS-MET-001 (signups, grant storage sample, no secrets), HS-MET-002, HS-MET-003 (names recorded here)
    @Test
    void signupsStorageRequestsAndRoutesAreCountedWithoutSecrets() {
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        Api.User u = api.signupCookie(Keypair.random());
        Api.User o = api.signupCookie(Keypair.random());
        String text = scrape();
        assertThat(text).contains("# HELP").contains("# TYPE")
                .contains("signup_count_total{otel_scope_name=\"pubky_homeserver\"} 2\n");

        assertThat(api.send("PUT", "/storage/" + u.z32() + "/pub/secret-name.txt", body, u.auth()).status()).isEqualTo(201);
        assertThat(api.get("/pub/secret-name.txt", "pubky-host", u.z32()).status()).isEqualTo(200);
        assertThat(api.get("/storage/" + u.z32() + "/pub/secret-name.txt?pubky-host=" + o.z32(), "pubky-host", o.z32())
                .status()).isEqualTo(200);
        assertThat(api.get("/pub/secret-name.txt?pubky-host=" + u.z32()).status()).isEqualTo(200);
        assertThat(api.get("/favicon.ico").status()).isEqualTo(400);
        text = scrape();
        assertThat(samples(text, "storage_request_count_total")).containsExactlyInAnyOrder(
                sample("path", "cookie", "absent", false),
                sample("legacy", "none", "matching", false),
                sample("path", "none", "other", true),
                sample("legacy", "none", "absent", true));

        Api.User bearer = api.grantSession(u.keypair(), Keypair.random(), "metrics.test", "/pub/:rw");
        assertThat(api.send("PUT", "/storage/" + u.z32() + "/pub/grant-secret.txt", body, bearer.auth()).status())
                .isEqualTo(201);
        text = scrape();
        assertThat(samples(text, "storage_request_count_total")).contains(sample("path", "grant", "absent", false));
        assertThat(text).contains("http_server_requests_total{otel_scope_name=\"pubky_homeserver\",api=\"client\","
                + "method=\"PUT\",route=\"/storage/{any}\",status=\"201\"} 2\n");
        assertThat(text).contains("route=\"/signup\",status=\"200\"} 2\n");
        assertThat(text).contains("http_server_request_duration_seconds_count{otel_scope_name=\"pubky_homeserver\","
                + "api=\"client\",method=\"PUT\",route=\"/storage/{any}\",status=\"201\"} 2\n");
        assertThat(text).contains("method=\"GET\",route=\"/{any}\",status=\"400\"} 1\n").doesNotContain("favicon");
        assertThat(text).contains("pubky_users{otel_scope_name=\"pubky_homeserver\"} 2\n");
        assertThat(text).contains("pubky_storage_used_bytes{otel_scope_name=\"pubky_homeserver\"} " + 2 * (5 + 256) + "\n");
        assertThat(text).contains("pubky_events_last_cursor{otel_scope_name=\"pubky_homeserver\"} 2\n");
        assertThat(text).contains("jvm_memory_heap_used_bytes").contains("process_uptime_seconds");

        String bearerToken = bearer.auth()[1].substring("Bearer ".length());
        String cookie = u.auth()[1].substring(u.auth()[1].indexOf('=') + 1);
        assertThat(text).doesNotContain(u.z32()).doesNotContain(o.z32()).doesNotContain("secret-name")
                .doesNotContain("grant-secret").doesNotContain(bearerToken).doesNotContain(cookie);
    }

    @Test
    void adminRequestsAreCountedButNeverThePassword() {
        AdminClient admin = new AdminClient(server, "m");
        assertThat(admin.get("/info").status()).isEqualTo(200);
        assertThat(admin.raw("GET", "/info", "X-Admin-Password", "wrong-guess").status()).isEqualTo(401);
        assertThat(admin.raw("GET", "/no-such-route-xyz").status()).isEqualTo(404);
        String text = scrape();
        assertThat(text).contains("api=\"admin\",method=\"GET\",route=\"/info\",status=\"200\"} 1\n")
                .contains("api=\"admin\",method=\"GET\",route=\"/info\",status=\"401\"} 1\n")
                .contains("api=\"admin\",method=\"GET\",route=\"unmatched\",status=\"404\"} 1\n")
                .doesNotContain("wrong-guess").doesNotContain("no-such-route");
        assertThat(metrics.get("/other").status()).isEqualTo(404);
    }

    private static String sample(String mode, String auth, String header, boolean query) {
        return "storage_request_count_total{otel_scope_name=\"pubky_homeserver\",addressing_mode=\"" + mode
                + "\",auth_method=\"" + auth + "\",pubky_host_header=\"" + header + "\",pubky_host_query=\"" + query
                + "\"} 1";
    }
}
