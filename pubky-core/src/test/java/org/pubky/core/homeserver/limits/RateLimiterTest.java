package org.pubky.core.homeserver.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pubky.core.keys.Keypair;
import org.pubky.spi.PubkyException;

final class RateLimiterTest {
    private static final String USER = Keypair.fromSecret(new byte[32]).publicKey().z32();

    private static RateLimitRule rule(String path, String method, String quota, RateLimitRule.Key key,
            Optional<Integer> burst, Set<String> whitelist) {
        return new RateLimitRule(GlobPattern.compile(path), method, RequestRate.parse(quota), key, burst, whitelist);
    }

    @Test
    void oneRequestPerMinuteRefusesTheSecondWithRetryAfter() {
        MutableClock clock = new MutableClock();
        RateLimiter limiter = new RateLimiter(List.of(rule("/session", "GET", "1r/m", RateLimitRule.Key.USER,
                Optional.empty(), Set.of())), clock);
        RateLimiter.Subject subject = new RateLimiter.Subject("127.0.0.1", Optional.of(USER));
        assertThat(limiter.check("GET", "/session", subject).allowed()).isTrue();
        RateLimiter.Decision second = limiter.check("GET", "/session", subject);
        assertThat(second.allowed()).isFalse();
        assertThat(second.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(limiter.check("POST", "/session", subject).allowed()).isTrue(); // method must match
        clock.advance(Duration.ofSeconds(61));
        assertThat(limiter.check("GET", "/session", subject).allowed()).isTrue();
    }

    @Test
    void burstAllowsBackToBackRequests() {
        RateLimiter limiter = new RateLimiter(List.of(rule("/x", "GET", "10r/s", RateLimitRule.Key.IP,
                Optional.of(3), Set.of())), new MutableClock());
        RateLimiter.Subject s = new RateLimiter.Subject("10.0.0.1", Optional.empty());
        assertThat(limiter.check("GET", "/x", s).allowed()).isTrue();
        assertThat(limiter.check("GET", "/x", s).allowed()).isTrue();
        assertThat(limiter.check("GET", "/x", s).allowed()).isTrue();
        assertThat(limiter.check("GET", "/x", s).allowed()).isFalse();
        assertThat(limiter.check("GET", "/x", new RateLimiter.Subject("10.0.0.2", Optional.empty())).allowed()).isTrue();
    }

    @Test
    void whitelistedKeysAreNeverLimitedAndUserRulesNeedAUser() {
        RateLimiter limiter = new RateLimiter(List.of(rule("/session", "GET", "1r/m", RateLimitRule.Key.USER,
                Optional.empty(), Set.of(USER))), new MutableClock());
        RateLimiter.Subject w = new RateLimiter.Subject("1.1.1.1", Optional.of(USER));
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.check("GET", "/session", w).allowed()).isTrue();
        }
        assertThat(limiter.check("GET", "/session", new RateLimiter.Subject("1.1.1.1", Optional.empty())).missingKey()).isTrue();
    }

    @Test
    void rulesValidateTheirConfiguration() {
        assertThatThrownBy(() -> rule("/x", "GET", "1r/m", RateLimitRule.Key.IP, Optional.empty(), Set.of(USER)))
                .isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> rule("/x", "GET", "1r/m", RateLimitRule.Key.USER, Optional.empty(), Set.of("invalid")))
                .isInstanceOf(PubkyException.class);
        for (String bad : new String[] {"5mb/s", "5kb/m", "5rs", "r/s", "5r/x", "0r/s", "4294967295r/s"}) {
            assertThatThrownBy(() -> RequestRate.parse(bad)).as(bad).isInstanceOf(PubkyException.class);
        }
        assertThat(RequestRate.parse("100r/m").toString()).isEqualTo("100r/m");
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
