package org.pubky.core.storage.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.pubky.spi.storage.CookieSession;
import org.pubky.spi.storage.Entry;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.GrantRecord;
import org.pubky.spi.storage.PathOrder;
import org.pubky.spi.storage.SignupTokenRecord;
import org.pubky.spi.storage.UserRecord;

/**
 * Every record of one in-memory metadata store. Not thread-safe by itself: the parts read it
 * under the read lock of {@link InMemoryGuard} and change it under the write lock.
 */
final class InMemoryState {
    /** Users by key; keys are ASCII, so String order is their byte order. */
    final NavigableMap<String, UserRecord> users = new TreeMap<>();
    final NavigableMap<String, SignupTokenRecord> tokens = new TreeMap<>();
    final Map<String, CookieSession> sessions = new HashMap<>();
    final NavigableMap<String, GrantRecord> grants = new TreeMap<>();
    /** Bearer tokens by the hex of their hash. */
    final Map<String, Bearer> bearers = new HashMap<>();
    /** The hex hash of each grant's bearer token. */
    final Map<String, String> bearerOfGrant = new HashMap<>();
    final Map<String, Instant> replays = new HashMap<>();
    /** Each user's entries by path, in listing order. */
    final Map<String, NavigableMap<String, Entry>> entries = new HashMap<>();
    /** How many entries point to each blob. */
    final Map<String, Integer> blobReferences = new HashMap<>();
    /** The log in cursor order, and each user's part of it. */
    final List<Event> events = new ArrayList<>();
    final Map<String, List<Event>> eventsByUser = new HashMap<>();
    long nextCursor = 1;

    record Bearer(String grantId, Instant expiresAt) {
    }

    NavigableMap<String, Entry> entriesOf(String user) {
        return entries.computeIfAbsent(user, u -> new TreeMap<>(PathOrder.COMPARATOR));
    }

    NavigableMap<String, Entry> entriesOrEmpty(String user) {
        NavigableMap<String, Entry> mine = entries.get(user);
        return mine == null ? EMPTY : mine;
    }

    private static final NavigableMap<String, Entry> EMPTY =
            java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(PathOrder.COMPARATOR));

    void clear() {
        users.clear();
        tokens.clear();
        sessions.clear();
        grants.clear();
        bearers.clear();
        bearerOfGrant.clear();
        replays.clear();
        entries.clear();
        blobReferences.clear();
        events.clear();
        eventsByUser.clear();
    }
}
