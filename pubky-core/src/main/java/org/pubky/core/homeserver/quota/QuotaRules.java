package org.pubky.core.homeserver.quota;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.QuotaOverrides;

/**
 * The cross-field rules a complete set of {@link QuotaOverrides} must satisfy before it is stored
 * (the reference's {@code UserQuota::validate}), with the reference's messages. Every failure is
 * {@link ErrorCode#UNPROCESSABLE_CONTENT}. Stateless.
 */
public final class QuotaRules {
    /** Longest rate text the reference's database column holds. */
    public static final int MAX_RATE_LENGTH = 32;
    /** Largest burst (the reference stores bursts in a signed 32-bit column). */
    public static final long MAX_BURST = Integer.MAX_VALUE;

    private QuotaRules() {
    }

    /** Checks every rule; returns the argument for chaining. */
    public static QuotaOverrides validate(QuotaOverrides quota) {
        rate("rate_read", quota.rateRead());
        rate("rate_write", quota.rateWrite());
        burst("rate_read_burst", quota.rateReadBurst(), quota.rateRead());
        burst("rate_write_burst", quota.rateWriteBurst(), quota.rateWrite());
        quota.allowedWritePaths().ifPresent(QuotaRules::allowedWritePaths);
        return quota;
    }

    static void rate(String label, Optional<String> rate) {
        if (rate.isPresent() && !rate.get().equals(QuotaJson.UNLIMITED)) {
            String text = rate.get();
            if (text.length() > MAX_RATE_LENGTH) {
                throw unprocessable(label + " string \"" + text + "\" exceeds DB column limit of "
                        + MAX_RATE_LENGTH + " characters");
            }
        }
    }

    private static void burst(String label, OptionalInt burst, Optional<String> rate) {
        if (burst.isPresent() && (rate.isEmpty() || rate.get().equals(QuotaJson.UNLIMITED))) {
            throw unprocessable(label + " requires the corresponding rate to be set to a value");
        }
    }

    /** Not the root, no duplicates; each entry is already a canonical path. */
    static void allowedWritePaths(List<String> paths) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            if (path.equals("/")) {
                throw unprocessable("allowed_write_paths[" + i + "] must not be '/'; use null for unrestricted access");
            }
            if (!seen.add(path)) {
                throw unprocessable("allowed_write_paths[" + i + "] is a duplicate: \"" + path + "\"");
            }
        }
    }

    static PubkyException unprocessable(String message) {
        return new PubkyException(ErrorCode.UNPROCESSABLE_CONTENT, message);
    }
}
