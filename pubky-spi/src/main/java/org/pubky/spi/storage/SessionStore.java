package org.pubky.spi.storage;

import java.util.Optional;

/** Legacy cookie sessions. Thread-safe; every method is atomic on its own. */
public interface SessionStore {
    /**
     * Stores a new session.
     *
     * @throws org.pubky.spi.PubkyException {@code NOT_FOUND} if the user does not exist;
     *     {@code CONFLICT} if the id is taken
     */
    void create(CookieSession session);

    /** The session with this id, if any. */
    Optional<CookieSession> find(String id);

    /** Deletes the session; returns false if there was none (idempotent). */
    boolean delete(String id);
}
