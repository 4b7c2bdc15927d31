package org.pubky.core.homeserver.quota;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.pubky.spi.storage.QuotaOverrides;

/**
 * A partial change of a user's {@link QuotaOverrides}, as {@code PATCH /users/{key}/quota} sends
 * it. Each field is tri-state: empty = keep the current value; present = replace it with the inner
 * value, whose own emptiness means "back to the homeserver default" (JSON {@code null}), and which
 * may be {@link QuotaOverrides#UNLIMITED} / {@code "unlimited"} or a limit.
 *
 * @param storageQuotaMb change of {@link QuotaOverrides#storageQuotaMb()}
 * @param rateRead change of {@link QuotaOverrides#rateRead()}
 * @param rateWrite change of {@link QuotaOverrides#rateWrite()}
 * @param rateReadBurst change of {@link QuotaOverrides#rateReadBurst()}
 * @param rateWriteBurst change of {@link QuotaOverrides#rateWriteBurst()}
 * @param allowedWritePaths change of {@link QuotaOverrides#allowedWritePaths()}
 */
public record QuotaPatch(
        Optional<OptionalLong> storageQuotaMb,
        Optional<Optional<String>> rateRead,
        Optional<Optional<String>> rateWrite,
        Optional<OptionalInt> rateReadBurst,
        Optional<OptionalInt> rateWriteBurst,
        Optional<Optional<List<String>>> allowedWritePaths) {
    /** Changes nothing. */
    public static final QuotaPatch EMPTY = new QuotaPatch(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public QuotaPatch {
        requireNonNull(storageQuotaMb, "storageQuotaMb is null");
        requireNonNull(rateRead, "rateRead is null");
        requireNonNull(rateWrite, "rateWrite is null");
        requireNonNull(rateReadBurst, "rateReadBurst is null");
        requireNonNull(rateWriteBurst, "rateWriteBurst is null");
        allowedWritePaths = requireNonNull(allowedWritePaths, "allowedWritePaths is null")
                .map(inner -> inner.map(List::copyOf));
    }

    /** The overrides after this change; fields the patch does not mention are kept. */
    public QuotaOverrides applyTo(QuotaOverrides current) {
        return new QuotaOverrides(
                storageQuotaMb.orElse(current.storageQuotaMb()),
                rateRead.orElse(current.rateRead()),
                rateWrite.orElse(current.rateWrite()),
                rateReadBurst.orElse(current.rateReadBurst()),
                rateWriteBurst.orElse(current.rateWriteBurst()),
                allowedWritePaths.orElse(current.allowedWritePaths()));
    }
}
