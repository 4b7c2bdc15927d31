package org.pubky.spi.storage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Per-user limits that replace the homeserver's defaults; every empty field means "use the
 * default". Signup tokens carry the same shape as a template that is copied to the user they
 * create.
 *
 * <p>The store persists these values as given; the homeserver validates them (rate syntax,
 * burst rules, canonical paths) before they arrive here.
 *
 * @param storageQuotaMb storage limit in MiB, or {@link #UNLIMITED}
 * @param rateRead read bandwidth such as {@code 10mb/s}, or {@code unlimited}
 * @param rateWrite write bandwidth such as {@code 10mb/s}, or {@code unlimited}
 * @param rateReadBurst read burst, in the unit of {@code rateRead}
 * @param rateWriteBurst write burst, in the unit of {@code rateWrite}
 * @param allowedWritePaths canonical paths the user may write (a directory allows everything
 *     below it); an empty list makes the user read-only
 */
public record QuotaOverrides(
        OptionalLong storageQuotaMb,
        Optional<String> rateRead,
        Optional<String> rateWrite,
        OptionalInt rateReadBurst,
        OptionalInt rateWriteBurst,
        Optional<List<String>> allowedWritePaths) {
    /** The value of {@link #storageQuotaMb} that means "no limit", overriding any default. */
    public static final long UNLIMITED = -1;

    /** No overrides: every limit is the default. */
    public static final QuotaOverrides NONE = new QuotaOverrides(OptionalLong.empty(), Optional.empty(),
            Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty());

    public QuotaOverrides {
        requireNonNull(storageQuotaMb, "storageQuotaMb is null");
        requireNonNull(rateRead, "rateRead is null");
        requireNonNull(rateWrite, "rateWrite is null");
        requireNonNull(rateReadBurst, "rateReadBurst is null");
        requireNonNull(rateWriteBurst, "rateWriteBurst is null");
        allowedWritePaths = requireNonNull(allowedWritePaths, "allowedWritePaths is null").map(List::copyOf);
        if (storageQuotaMb.isPresent() && storageQuotaMb.getAsLong() < UNLIMITED) {
            throw new IllegalArgumentException("storageQuotaMb must be >= 0 or UNLIMITED");
        }
    }

    /** True if every field is the default. */
    public boolean isEmpty() {
        return equals(NONE);
    }
}
