package org.pubky.core.homeserver.quota;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.QuotaOverrides;
import org.pubky.spi.storage.UserRecord;

/**
 * A user's effective limits: the user's overrides where set, the homeserver defaults otherwise.
 * Stateless apart from the defaults; reads the user record the caller just loaded, so an admin
 * change is seen by the very next request.
 */
public final class QuotaResolver {
    private static final long MIB = 1024L * 1024;

    private final QuotaDefaults defaults;

    public QuotaResolver(QuotaDefaults defaults) {
        this.defaults = requireNonNull(defaults, "defaults is null");
    }

    public QuotaDefaults defaults() {
        return defaults;
    }

    /** The user's storage limit in bytes, or {@link PutUnit#NO_LIMIT}. */
    public long storageLimitBytes(UserRecord user) {
        OptionalLong mb = user.quota().storageQuotaMb();
        if (mb.isPresent()) {
            return mb.getAsLong() == QuotaOverrides.UNLIMITED ? PutUnit.NO_LIMIT : Math.multiplyExact(mb.getAsLong(), MIB);
        }
        return defaults.storageMb().isPresent() ? Math.multiplyExact(defaults.storageMb().getAsLong(), MIB) : PutUnit.NO_LIMIT;
    }

    /** The user's read bandwidth, if limited. */
    public Optional<BandwidthRate> rateRead(UserRecord user) {
        return rate(user.quota().rateRead(), defaults.rateRead());
    }

    /** The user's write bandwidth, if limited. */
    public Optional<BandwidthRate> rateWrite(UserRecord user) {
        return rate(user.quota().rateWrite(), defaults.rateWrite());
    }

    private static Optional<BandwidthRate> rate(Optional<String> override, Optional<BandwidthRate> fallback) {
        if (override.isPresent()) {
            return override.get().equals("unlimited") ? Optional.empty() : Optional.of(BandwidthRate.parse(override.get()));
        }
        return fallback;
    }
}
