package org.pubky.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.homeserver.SignupMode;
import org.pubky.core.keys.Keypair;

/** Quotas, request-count limits and bandwidth throttling over real HTTP. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class LimitsIT {
    private static PubkyHomeserver start(Map<String, String> config) {
        return PubkyHomeserver.builder().clientPort(0).metadataStore("memory").blobStore("memory")
                .signupMode(SignupMode.OPEN).config(config).start();
    }

    @Test
    void defaultStorageQuotaCountsLengthPlus256() {
        try (PubkyHomeserver server = start(Map.of("pubky.quota.storage-mb", "1"))) {
            Api api = new Api(server.clientUri(), server.publicKey());
            Api.User u = api.signupCookie(Keypair.random());
            String base = "/storage/" + u.z32();
            assertThat(api.send("PUT", base + "/pub/data", new byte[600_000], u.auth()).status()).isEqualTo(201);
            assertThat(api.send("PUT", base + "/pub/data", new byte[600_000], u.auth()).status()).isEqualTo(201);
            Api.Resp second = api.send("PUT", base + "/pub/data2", new byte[600_000], u.auth());
            assertThat(second.status()).isEqualTo(507);
            assertThat(second.text()).isEqualTo("Disk space quota exceeded");
            assertThat(api.send("PUT", base + "/pub/data", new byte[1_100_000], u.auth()).status()).isEqualTo(507);
            assertThat(api.get(base + "/pub/data").body()).hasSize(600_000); // previous content kept
            assertThat(api.send("DELETE", base + "/pub/data", null, u.auth()).status()).isEqualTo(204);
            assertThat(api.send("PUT", base + "/pub/x", new byte[1025 * 1024 - 256], u.auth()).status()).isEqualTo(507);
            assertThat(api.send("PUT", base + "/pub/x", new byte[1024 * 1024 - 256], u.auth()).status()).isEqualTo(201);
        }
    }

    @Test
    void requestCountRulesAnswer429WithRetryAfter() {
        try (PubkyHomeserver server = start(Map.of(
                "pubky.rate-limits.1.path", "/session", "pubky.rate-limits.1.method", "POST",
                "pubky.rate-limits.1.quota", "1r/m", "pubky.rate-limits.1.key", "ip",
                "pubky.rate-limits.2.path", "/session", "pubky.rate-limits.2.method", "GET",
                "pubky.rate-limits.2.quota", "1r/m", "pubky.rate-limits.2.key", "user"))) {
            Api api = new Api(server.clientUri(), server.publicKey());
            Keypair key = Keypair.random();
            Api.User u = api.signupCookie(key); // POST /signup is not counted
            assertThat(api.send("POST", "/session", api.authToken(key, "/:rw")).status()).isEqualTo(200);
            assertThat(api.get("/session", u.with("pubky-host", u.z32())).status()).isEqualTo(200);
            Api.Resp limited = api.get("/session", u.with("pubky-host", u.z32(), "Origin", "https://app.example"));
            assertThat(limited.status()).isEqualTo(429);
            assertThat(Long.parseLong(limited.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
            assertThat(limited.header("Access-Control-Expose-Headers")).hasValue("retry-after");
            assertThat(api.send("POST", "/session", api.authToken(key, "/:rw")).status()).isEqualTo(429);
            // another user has its own budget on the user-keyed rule
            Api.User other = api.signupCookie(Keypair.random());
            assertThat(api.get("/session", other.with("pubky-host", other.z32())).status()).isEqualTo(200);
            assertThat(api.get("/info").status()).isEqualTo(200); // never limited
        }
    }

    @Test
    void pathAddressedRulesMatchTheStoragePathAndKeyOnTheOwner() {
        try (PubkyHomeserver server = start(Map.of(
                "pubky.rate-limits.1.path", "/pub/*", "pubky.rate-limits.1.method", "GET",
                "pubky.rate-limits.1.quota", "1r/m", "pubky.rate-limits.1.key", "user"))) {
            Api api = new Api(server.clientUri(), server.publicKey());
            Api.User u = api.signupCookie(Keypair.random());
            Api.User o = api.signupCookie(Keypair.random());
            api.send("PUT", "/storage/" + u.z32() + "/pub/file.txt", new byte[] {1}, u.auth());
            String url = "/storage/" + u.z32() + "/pub/file.txt";
            assertThat(api.get(url, "pubky-host", o.z32()).status()).isEqualTo(200);
            assertThat(api.get(url, "pubky-host", o.z32()).status()).isEqualTo(429);
        }
    }

    @Test
    void bandwidthIsThrottledNotRefused() {
        try (PubkyHomeserver server = start(Map.of("pubky.quota.rate-write", "1kb/s",
                "pubky.quota.unauthenticated-ip-rate-read", "1kb/s"))) {
            Api api = new Api(server.clientUri(), server.publicKey());
            Api.User u = api.signupCookie(Keypair.random());
            String url = "/storage/" + u.z32() + "/pub/slow.bin";
            long start = System.nanoTime();
            assertThat(api.send("PUT", url, new byte[3 * 1024], u.auth()).status()).isEqualTo(201);
            assertThat((System.nanoTime() - start) / 1e9).isGreaterThan(1.8);
            start = System.nanoTime();
            assertThat(api.get(url).body()).hasSize(3 * 1024);
            assertThat((System.nanoTime() - start) / 1e9).isGreaterThan(1.8);
        }
    }
}
