package org.pubky.spi.storage;

import java.time.Instant;

/**
 * Remembers single-use values (legacy AuthToken ids, proof-of-possession nonces) so that several
 * homeserver instances sharing one store refuse the same value twice. Thread-safe.
 */
public interface ReplayStore {
    /**
     * Records {@code key} and returns true if it was not recorded before, false if it was. Exactly
     * one of any number of concurrent calls with the same key returns true.
     *
     * @param key an opaque value of at most 128 characters; callers prefix it with its kind
     * @param at the time the value was first used; {@link #purgeOlderThan} forgets by it
     */
    boolean firstUse(String key, Instant at);

    /** Forgets values recorded before {@code cutoff}; returns how many. */
    int purgeOlderThan(Instant cutoff);
}
