package org.pubky.core.homeserver.events;

import java.util.Optional;
import java.util.OptionalInt;
import org.pubky.core.homeserver.auth.AuthSession;

/**
 * A stream request that passed every check (parameters, authorization, users, cursors) and may
 * now be answered with {@code 200 text/event-stream} and started with
 * {@link EventService#start}. Holds the stream's mutable cursors: start it once.
 */
public final class PreparedStream {
    private final EventSelection selection;
    private final Optional<AuthSession> session;
    private final boolean live;
    private final OptionalInt limit;

    PreparedStream(EventSelection selection, Optional<AuthSession> session, boolean live, OptionalInt limit) {
        this.selection = selection;
        this.session = session;
        this.live = live;
        this.limit = limit;
    }

    EventSelection selection() {
        return selection;
    }

    /** The session a private stream re-checks while it is open; empty for public streams. */
    public Optional<AuthSession> session() {
        return session;
    }

    public boolean live() {
        return live;
    }

    OptionalInt limit() {
        return limit;
    }
}
