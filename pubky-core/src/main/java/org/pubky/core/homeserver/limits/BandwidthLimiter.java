package org.pubky.core.homeserver.limits;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pubky.core.homeserver.quota.BandwidthRate;
import org.pubky.core.homeserver.quota.QuotaResolver;
import org.pubky.spi.storage.UserRecord;

/**
 * Bandwidth budgets (the reference's {@code rate_read}/{@code rate_write}): signed-in users'
 * transfers are throttled per user and direction with their effective rate, anonymous reads per
 * client IP with {@code unauthenticated_ip_rate_read}. One budget per key and rate, shared by all
 * of that key's concurrent transfers. Thread-safe.
 */
public final class BandwidthLimiter {
    private static final int MAX_KEYS = 100_000;

    private final QuotaResolver quotas;
    private final Map<String, Throttle> throttles = new ConcurrentHashMap<>();

    public BandwidthLimiter(QuotaResolver quotas) {
        this.quotas = requireNonNull(quotas, "quotas is null");
    }

    /** The read budget of a signed-in user, if limited. */
    public Optional<Throttle> userRead(UserRecord user) {
        return quotas.rateRead(user).map(rate -> throttle("r:" + user.user(), rate));
    }

    /** The write budget of a signed-in user, if limited. */
    public Optional<Throttle> userWrite(UserRecord user) {
        return quotas.rateWrite(user).map(rate -> throttle("w:" + user.user(), rate));
    }

    /** The read budget of an anonymous client, if limited. */
    public Optional<Throttle> anonymousRead(String ip) {
        return quotas.defaults().unauthenticatedIpRateRead().map(rate -> throttle("ip:" + ip, rate));
    }

    private Throttle throttle(String key, BandwidthRate rate) {
        if (throttles.size() > MAX_KEYS) {
            throttles.clear(); // budgets restart full; bounded memory matters more
        }
        return throttles.computeIfAbsent(key + "@" + rate, k ->
                new Throttle(rate.bytesPerSecond(), Math.max(1, rate.bytesPerPeriod() / rate.period().seconds())));
    }
}
