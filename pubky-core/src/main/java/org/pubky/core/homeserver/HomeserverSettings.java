package org.pubky.core.homeserver;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.pubky.core.config.PubkyConfig;
import org.pubky.core.homeserver.limits.RateLimitConfig;
import org.pubky.core.homeserver.limits.RateLimitRule;
import org.pubky.core.homeserver.quota.QuotaDefaults;

/**
 * What a homeserver is configured with (the {@code pubky.*} keys it reads, in
 * {@code docs/configuration.md}).
 *
 * @param signupPolicy who may sign up: {@code open}, {@code token_required} or a vendor's
 *     {@link org.pubky.spi.auth.SignupPolicyProvider} name
 * @param quota default limits for users without overrides
 * @param maxUploadBytes largest accepted file body; 0 = no limit beyond the quota
 * @param icannDomain the domain of the homeserver's ICANN (HTTP) endpoint, if any
 * @param publicIp the address published in the homeserver's PKARR packet, if any
 * @param publicTlsPort the Pubky TLS port published, if a TLS listener runs
 * @param publicHttpPort the ICANN HTTP port published with a {@code localhost} domain
 * @param bearerLifetime how long a grant session bearer lives (3600 s)
 * @param rateLimits request-count rules of the client API
 * @param trustForwardedHeaders take the client IP from {@code X-Forwarded-For}/{@code X-Real-IP}
 */
public record HomeserverSettings(
        String signupPolicy,
        QuotaDefaults quota,
        long maxUploadBytes,
        Optional<String> icannDomain,
        Optional<String> publicIp,
        OptionalInt publicTlsPort,
        OptionalInt publicHttpPort,
        Duration bearerLifetime,
        List<RateLimitRule> rateLimits,
        boolean trustForwardedHeaders) {
    public HomeserverSettings {
        requireNonNull(signupPolicy, "signupPolicy is null");
        requireNonNull(quota, "quota is null");
        if (maxUploadBytes < 0) {
            throw new IllegalArgumentException("maxUploadBytes must not be negative");
        }
        requireNonNull(icannDomain, "icannDomain is null");
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(publicTlsPort, "publicTlsPort is null");
        requireNonNull(publicHttpPort, "publicHttpPort is null");
        requireNonNull(bearerLifetime, "bearerLifetime is null");
        rateLimits = List.copyOf(rateLimits);
    }

    /** The defaults: token signup, no quota, 100 MiB uploads, {@code localhost}, one-hour bearers. */
    public static HomeserverSettings defaults() {
        return new HomeserverSettings(SignupMode.TOKEN_REQUIRED.wireName(), QuotaDefaults.NONE, 100L * 1024 * 1024,
                Optional.of("localhost"), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
                Duration.ofHours(1), RateLimitConfig.defaults(), false);
    }

    /** Settings from configuration keys, with {@link #defaults()} for absent ones. */
    public static HomeserverSettings from(PubkyConfig config) {
        HomeserverSettings d = defaults();
        return new HomeserverSettings(
                config.get("pubky.signup.mode").map(SignupMode::canonicalName).orElse(d.signupPolicy()),
                QuotaDefaults.from(config),
                config.getLong("pubky.storage.max-upload-bytes", d.maxUploadBytes()),
                Optional.of(config.get("pubky.pkdns.icann-domain", "localhost")).filter(s -> !s.equals("none")),
                config.get("pubky.pkdns.public-ip"),
                optionalInt(config, "pubky.pkdns.public-tls-port"),
                optionalInt(config, "pubky.pkdns.public-http-port"),
                d.bearerLifetime(),
                RateLimitConfig.from(config),
                config.getBoolean("pubky.http.trust-forwarded-headers", false));
    }

    /** A copy with another signup mode. */
    public HomeserverSettings withSignupMode(SignupMode mode) {
        return withSignupPolicy(mode.wireName());
    }

    /** A copy with another signup policy, by provider name. */
    public HomeserverSettings withSignupPolicy(String name) {
        return new HomeserverSettings(name, quota, maxUploadBytes, icannDomain, publicIp, publicTlsPort,
                publicHttpPort, bearerLifetime, rateLimits, trustForwardedHeaders);
    }

    /** A copy with other default limits. */
    public HomeserverSettings withQuota(QuotaDefaults defaults) {
        return new HomeserverSettings(signupPolicy, defaults, maxUploadBytes, icannDomain, publicIp, publicTlsPort,
                publicHttpPort, bearerLifetime, rateLimits, trustForwardedHeaders);
    }

    /** A copy with other request-count rules. */
    public HomeserverSettings withRateLimits(List<RateLimitRule> rules) {
        return new HomeserverSettings(signupPolicy, quota, maxUploadBytes, icannDomain, publicIp, publicTlsPort,
                publicHttpPort, bearerLifetime, rules, trustForwardedHeaders);
    }

    private static OptionalInt optionalInt(PubkyConfig config, String key) {
        return config.get(key).isPresent() ? OptionalInt.of(config.getInt(key, 0)) : OptionalInt.empty();
    }

    static OptionalLong optionalLong(PubkyConfig config, String key) {
        return config.get(key).isPresent() ? OptionalLong.of(config.getLong(key, 0)) : OptionalLong.empty();
    }
}
