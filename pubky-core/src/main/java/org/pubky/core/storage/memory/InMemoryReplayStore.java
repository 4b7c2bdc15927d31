package org.pubky.core.storage.memory;

import java.time.Instant;
import org.pubky.spi.storage.ReplayStore;

/** Single-use values of an {@link InMemoryMetadataStore}. */
final class InMemoryReplayStore implements ReplayStore {
    private final InMemoryGuard guard;
    private final InMemoryState state;

    InMemoryReplayStore(InMemoryGuard guard, InMemoryState state) {
        this.guard = guard;
        this.state = state;
    }

    @Override
    public boolean firstUse(String key, Instant at) {
        return guard.write(() -> state.replays.putIfAbsent(key, at) == null);
    }

    @Override
    public int purgeOlderThan(Instant cutoff) {
        return guard.write(() -> {
            int before = state.replays.size();
            state.replays.values().removeIf(at -> at.isBefore(cutoff));
            return before - state.replays.size();
        });
    }
}
