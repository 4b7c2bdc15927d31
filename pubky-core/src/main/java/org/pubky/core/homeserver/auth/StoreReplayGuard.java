package org.pubky.core.homeserver.auth;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import org.pubky.core.auth.ReplayGuard;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.time.Timestamp;
import org.pubky.spi.storage.ReplayStore;

/**
 * AuthToken replay protection kept in the metadata store, so that every instance sharing the
 * store refuses a token any of them has seen (the reference keeps it per process).
 */
public final class StoreReplayGuard implements ReplayGuard {
    private final ReplayStore store;
    private final Clock clock;

    public StoreReplayGuard(ReplayStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public boolean firstUse(Timestamp timestamp, PublicKey publicKey) {
        return store.firstUse("auth:" + timestamp.micros() + ":" + publicKey.z32(), clock.instant());
    }
}
