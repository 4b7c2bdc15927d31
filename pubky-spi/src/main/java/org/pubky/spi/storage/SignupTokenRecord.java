package org.pubky.spi.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A single-use signup token.
 *
 * @param token the token text, {@code XXXX-XXXX-XXXX}
 * @param createdAt when it was minted
 * @param usedBy the user it created, once used
 * @param usedAt when it was used, once used
 * @param quota the limits the user it creates will get
 */
public record SignupTokenRecord(String token, Instant createdAt, Optional<String> usedBy, Optional<Instant> usedAt,
        QuotaOverrides quota) {
    public SignupTokenRecord {
        requireNonNull(token, "token is null");
        if (token.length() != 14) {
            throw new IllegalArgumentException("signup token must be 14 characters");
        }
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(usedBy, "usedBy is null");
        usedBy.ifPresent(Checks::user);
        requireNonNull(usedAt, "usedAt is null");
        if (usedBy.isPresent() != usedAt.isPresent()) {
            throw new IllegalArgumentException("usedBy and usedAt are set together");
        }
        requireNonNull(quota, "quota is null");
    }

    /** A fresh, unused token. */
    public static SignupTokenRecord unused(String token, Instant createdAt, QuotaOverrides quota) {
        return new SignupTokenRecord(token, createdAt, Optional.empty(), Optional.empty(), quota);
    }
}
