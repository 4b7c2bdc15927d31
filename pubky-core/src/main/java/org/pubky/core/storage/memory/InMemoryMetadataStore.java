package org.pubky.core.storage.memory;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.pubky.spi.storage.EntryStore;
import org.pubky.spi.storage.EventLog;
import org.pubky.spi.storage.GrantStore;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.ReplayStore;
import org.pubky.spi.storage.SessionStore;
import org.pubky.spi.storage.SignupTokenStore;
import org.pubky.spi.storage.StoreCapability;
import org.pubky.spi.storage.UnitProbe;
import org.pubky.spi.storage.UserStore;

/**
 * A {@link MetadataStore} held in memory, for tests, demos and the testnet.
 *
 * <p>One read-write lock guards everything: reads share it, every unit takes it alone, which
 * makes units trivially atomic and serialised (a failed unit is undone before the lock is
 * released). Entries live in one sorted map per user ({@link org.pubky.spi.storage.PathOrder}), so
 * listings seek instead of scanning. Nothing is {@linkplain StoreCapability#DURABLE durable}:
 * {@link #close()} drops every record.
 */
public final class InMemoryMetadataStore implements MetadataStore {
    private final InMemoryGuard guard = new InMemoryGuard();
    private final InMemoryState state = new InMemoryState();
    private final InMemoryUserStore users;
    private final InMemorySessionStore sessions;
    private final InMemoryGrantStore grants;
    private final InMemorySignupTokenStore signupTokens;
    private final InMemoryReplayStore replays;
    private final InMemoryEntryStore entries;
    private final InMemoryEventLog events;

    /** A store that calls {@code probe} inside its units (use {@link UnitProbe#NONE} in production). */
    public InMemoryMetadataStore(UnitProbe probe) {
        requireNonNull(probe, "probe is null");
        users = new InMemoryUserStore(guard, state, probe);
        sessions = new InMemorySessionStore(guard, state);
        grants = new InMemoryGrantStore(guard, state, probe);
        signupTokens = new InMemorySignupTokenStore(guard, state);
        replays = new InMemoryReplayStore(guard, state);
        events = new InMemoryEventLog(guard, state);
        entries = new InMemoryEntryStore(guard, state, probe, events);
    }

    /** A store without a fault probe. */
    public InMemoryMetadataStore() {
        this(UnitProbe.NONE);
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public GrantStore grants() {
        return grants;
    }

    @Override
    public SignupTokenStore signupTokens() {
        return signupTokens;
    }

    @Override
    public ReplayStore replays() {
        return replays;
    }

    @Override
    public EntryStore entries() {
        return entries;
    }

    @Override
    public EventLog events() {
        return events;
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return Set.of();
    }

    @Override
    public void close() {
        if (guard.close(state::clear)) {
            events.closeListeners();
        }
    }
}
