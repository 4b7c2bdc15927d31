package org.pubky.core.homeserver.quota;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;
import org.pubky.core.config.PubkyConfig;

/**
 * The homeserver-wide default limits, replaced per user by
 * {@link org.pubky.spi.storage.QuotaOverrides}.
 *
 * @param storageMb storage limit in MiB (empty = unlimited; 0 = no storage at all)
 * @param rateRead default read bandwidth of a signed-in user
 * @param rateWrite default write bandwidth of a signed-in user
 * @param unauthenticatedIpRateRead read bandwidth of anonymous requests, per IP
 */
public record QuotaDefaults(OptionalLong storageMb, Optional<BandwidthRate> rateRead,
        Optional<BandwidthRate> rateWrite, Optional<BandwidthRate> unauthenticatedIpRateRead) {
    /** No limits. */
    public static final QuotaDefaults NONE = new QuotaDefaults(OptionalLong.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public QuotaDefaults {
        requireNonNull(storageMb, "storageMb is null");
        requireNonNull(rateRead, "rateRead is null");
        requireNonNull(rateWrite, "rateWrite is null");
        requireNonNull(unauthenticatedIpRateRead, "unauthenticatedIpRateRead is null");
    }

    /** Defaults from {@code pubky.quota.*} keys. */
    public static QuotaDefaults from(PubkyConfig config) {
        return new QuotaDefaults(
                config.get("pubky.quota.storage-mb").isPresent()
                        ? OptionalLong.of(config.getLong("pubky.quota.storage-mb", 0)) : OptionalLong.empty(),
                config.get("pubky.quota.rate-read").map(BandwidthRate::parse),
                config.get("pubky.quota.rate-write").map(BandwidthRate::parse),
                config.get("pubky.quota.unauthenticated-ip-rate-read").map(BandwidthRate::parse));
    }

    /** A copy with a storage limit in MiB. */
    public QuotaDefaults withStorageMb(long megabytes) {
        return new QuotaDefaults(OptionalLong.of(megabytes), rateRead, rateWrite, unauthenticatedIpRateRead);
    }
}
