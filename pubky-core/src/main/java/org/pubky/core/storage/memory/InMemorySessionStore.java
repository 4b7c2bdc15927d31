package org.pubky.core.storage.memory;

import java.util.Optional;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.CookieSession;
import org.pubky.spi.storage.SessionStore;

/** Cookie sessions of an {@link InMemoryMetadataStore}. */
final class InMemorySessionStore implements SessionStore {
    private final InMemoryGuard guard;
    private final InMemoryState state;

    InMemorySessionStore(InMemoryGuard guard, InMemoryState state) {
        this.guard = guard;
        this.state = state;
    }

    @Override
    public void create(CookieSession session) {
        guard.write(() -> {
            if (!state.users.containsKey(session.user())) {
                throw new PubkyException(ErrorCode.NOT_FOUND, "User not found");
            }
            if (state.sessions.putIfAbsent(session.id(), session) != null) {
                throw new PubkyException(ErrorCode.CONFLICT, "Session already exists");
            }
            return null;
        });
    }

    @Override
    public Optional<CookieSession> find(String id) {
        return guard.read(() -> Optional.ofNullable(state.sessions.get(id)));
    }

    @Override
    public boolean delete(String id) {
        return guard.write(() -> state.sessions.remove(id) != null);
    }
}
