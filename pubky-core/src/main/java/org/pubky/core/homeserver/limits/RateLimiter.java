package org.pubky.core.homeserver.limits;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request-count limiting with the generic cell rate algorithm (what the reference's
 * {@code governor} implements): each (rule, key) has a theoretical arrival time; a request is
 * allowed while it is at most {@code burst} intervals ahead of now. Thread-safe and lock-free per
 * key; idle keys are forgotten lazily so memory stays bounded by active clients.
 */
public final class RateLimiter {
    private static final int MAX_KEYS = 200_000;

    private final List<RateLimitRule> rules;
    private final Clock clock;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

    public RateLimiter(List<RateLimitRule> rules, Clock clock) {
        this.rules = List.copyOf(rules);
        this.clock = requireNonNull(clock, "clock is null");
    }

    public List<RateLimitRule> rules() {
        return rules;
    }

    /** What a request is identified by for the rules. */
    public record Subject(String ip, Optional<String> user) {
    }

    /**
     * Checks every matching rule; returns how long to wait if any refuses the request (the
     * request is then not counted by later rules).
     *
     * @throws IllegalStateException never; a user-keyed rule without a user is reported as
     *     {@link Decision#missingKey()}
     */
    public Decision check(String method, String path, Subject subject) {
        long now = nanos();
        for (int i = 0; i < rules.size(); i++) {
            RateLimitRule rule = rules.get(i);
            if (!rule.matches(method, path)) {
                continue;
            }
            Optional<String> key = rule.key() == RateLimitRule.Key.IP ? Optional.of(subject.ip()) : subject.user();
            if (key.isEmpty()) {
                return Decision.MISSING_KEY;
            }
            if (rule.whitelist().contains(key.get())) {
                continue;
            }
            long wait = acquire(i + ":" + key.get(), rule, now);
            if (wait > 0) {
                return new Decision(false, false, Duration.ofNanos(wait));
            }
        }
        return Decision.ALLOWED;
    }

    private long acquire(String id, RateLimitRule rule, long now) {
        long interval = rule.rate().interval().toNanos();
        long tolerance = interval * (rule.effectiveBurst() - 1L);
        long[] wait = {0};
        arrivals.compute(id, (k, tat) -> {
            long t = tat == null ? now : Math.max(tat, now);
            if (t - now > tolerance) {
                wait[0] = t - now - tolerance;
                return tat;
            }
            return t + interval;
        });
        if (arrivals.size() > MAX_KEYS) {
            arrivals.entrySet().removeIf(e -> e.getValue() < now);
        }
        return wait[0];
    }

    private long nanos() {
        java.time.Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    /**
     * A limiter's answer.
     *
     * @param allowed whether the request may proceed
     * @param missingKey a user-keyed rule applied but the request has no user (answer 400)
     * @param retryAfter how long to wait when refused
     */
    public record Decision(boolean allowed, boolean missingKey, Duration retryAfter) {
        static final Decision ALLOWED = new Decision(true, false, Duration.ZERO);
        static final Decision MISSING_KEY = new Decision(false, true, Duration.ZERO);

        /** {@code Retry-After} in whole seconds, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
