package org.pubky.core.homeserver.quota;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;
import org.pubky.spi.auth.AccessPolicy;
import org.pubky.spi.auth.UserLimits;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.QuotaOverrides;
import org.pubky.spi.storage.UserRecord;

/**
 * A user's effective limits: the user's overrides where set, the homeserver defaults otherwise,
 * then whatever the {@link AccessPolicy} makes of them. Stateless apart from its settings; reads
 * the user record the caller just loaded, so an admin change is seen by the very next request.
 */
public final class QuotaResolver {
    private static final long MIB = 1024L * 1024;

    private final QuotaDefaults defaults;
    private final AccessPolicy policy;

    public QuotaResolver(QuotaDefaults defaults) {
        this(defaults, AccessPolicy.DEFAULT);
    }

    public QuotaResolver(QuotaDefaults defaults, AccessPolicy policy) {
        this.defaults = requireNonNull(defaults, "defaults is null");
        this.policy = requireNonNull(policy, "policy is null");
    }

    public QuotaDefaults defaults() {
        return defaults;
    }

    /** The user's storage limit in bytes, or {@link PutUnit#NO_LIMIT}. */
    public long storageLimitBytes(UserRecord user) {
        return limits(user).storageBytes();
    }

    /** The user's read bandwidth, if limited. */
    public Optional<BandwidthRate> rateRead(UserRecord user) {
        return limits(user).rateRead().map(BandwidthRate::parse);
    }

    /** The user's write bandwidth, if limited. */
    public Optional<BandwidthRate> rateWrite(UserRecord user) {
        return limits(user).rateWrite().map(BandwidthRate::parse);
    }

    /** Every limit of the user, after the access policy. */
    public UserLimits limits(UserRecord user) {
        UserLimits computed = new UserLimits(configuredStorageLimit(user),
                rate(user.quota().rateRead(), defaults.rateRead()).map(BandwidthRate::toString),
                rate(user.quota().rateWrite(), defaults.rateWrite()).map(BandwidthRate::toString));
        UserLimits result = policy.limits(user.user(), computed);
        return result == null ? computed : result;
    }

    private long configuredStorageLimit(UserRecord user) {
        OptionalLong mb = user.quota().storageQuotaMb();
        if (mb.isPresent()) {
            return mb.getAsLong() == QuotaOverrides.UNLIMITED ? PutUnit.NO_LIMIT : Math.multiplyExact(mb.getAsLong(), MIB);
        }
        return defaults.storageMb().isPresent() ? Math.multiplyExact(defaults.storageMb().getAsLong(), MIB) : PutUnit.NO_LIMIT;
    }

    private static Optional<BandwidthRate> rate(Optional<String> override, Optional<BandwidthRate> fallback) {
        if (override.isPresent()) {
            return override.get().equals("unlimited") ? Optional.empty() : Optional.of(BandwidthRate.parse(override.get()));
        }
        return fallback;
    }
}
