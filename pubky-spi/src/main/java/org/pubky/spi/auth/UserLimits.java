package org.pubky.spi.auth;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The limits in force for one user.
 *
 * @param storageBytes storage quota in bytes, or {@link #UNLIMITED}
 * @param rateRead read bandwidth such as {@code 10mb/s}; empty = unlimited
 * @param rateWrite write bandwidth; empty = unlimited
 */
public record UserLimits(long storageBytes, Optional<String> rateRead, Optional<String> rateWrite) {
    /** {@link #storageBytes} meaning "no quota". */
    public static final long UNLIMITED = -1;

    public UserLimits {
        if (storageBytes < UNLIMITED) {
            throw new IllegalArgumentException("storageBytes must be >= 0 or UNLIMITED");
        }
        requireNonNull(rateRead, "rateRead is null");
        requireNonNull(rateWrite, "rateWrite is null");
    }
}
