package org.pubky.store.lmdb;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import org.lmdbjava.Cursor;
import org.lmdbjava.GetOp;
import org.lmdbjava.PutFlags;
import org.lmdbjava.Txn;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventLog;
import org.pubky.spi.storage.EventQuery;
import org.pubky.spi.storage.EventType;

/**
 * The event log: {@code events} (key: cursor as 8 big-endian bytes, appended with
 * {@code MDB_APPEND}) and the per-user index {@code events-by-user} (key: user + cursor, empty
 * value). The cursor counter lives in {@link Meta} and is bumped in the unit that appends, so
 * cursors strictly increase across restarts. Per-user reads merge one index cursor per user with
 * a priority queue: O(limit · log users) plus the events the path filter skips. Thread-safe.
 */
final class LmdbEventLog implements EventLog {
    private static final byte[] EMPTY = new byte[0];

    private final LmdbEnvironment env;
    private final EventNotifier notifier;

    LmdbEventLog(LmdbEnvironment env, EventNotifier notifier) {
        this.env = env;
        this.notifier = notifier;
    }

    /** Appends an event inside the caller's unit and returns it. */
    static Event append(LmdbEnvironment env, Txn<byte[]> txn, EventType type, String user, String path,
            Optional<byte[]> hash, Instant at) {
        long cursor = Meta.get(env, txn, Meta.EVENT_SEQ) + 1;
        Meta.set(env, txn, Meta.EVENT_SEQ, cursor);
        Event event = new Event(cursor, type, user, path, hash, at);
        env.events.put(txn, Keys.u64(cursor), Codec.event(event), PutFlags.MDB_APPEND);
        env.eventsByUser.put(txn, Keys.userCursor(Keys.user(user), cursor), EMPTY);
        return event;
    }

    void committed() {
        notifier.signal();
    }

    @Override
    public List<Event> read(EventQuery query) {
        requireNonNull(query, "query is null");
        return env.read(txn -> query.users().isEmpty() ? readAll(txn, query) : readUsers(txn, query));
    }

    private List<Event> readAll(Txn<byte[]> txn, EventQuery q) {
        List<Event> out = new ArrayList<>(Math.min(q.limit(), 1024));
        try (Cursor<byte[]> c = env.events.openCursor(txn)) {
            boolean ok;
            if (!q.reverse()) {
                ok = c.get(Keys.u64(q.cursor() + 1), GetOp.MDB_SET_RANGE);
            } else if (q.cursor() == 0) {
                ok = c.last();
            } else {
                ok = c.get(Keys.u64(q.cursor()), GetOp.MDB_SET_RANGE) ? c.prev() : c.last();
            }
            while (ok && out.size() < q.limit()) {
                Event e = Codec.event(Keys.getU64(c.key(), 0), c.val());
                if (q.matchesPath(e.path())) {
                    out.add(e);
                }
                ok = q.reverse() ? c.prev() : c.next();
            }
        }
        return out;
    }

    private List<Event> readUsers(Txn<byte[]> txn, EventQuery q) {
        Comparator<UserEvents> order = Comparator.comparingLong(s -> s.head.cursor());
        PriorityQueue<UserEvents> heads = new PriorityQueue<>(q.reverse() ? order.reversed() : order);
        List<UserEvents> sources = new ArrayList<>(q.users().size());
        try {
            for (Map.Entry<String, Long> user : q.users().entrySet()) {
                UserEvents source = new UserEvents(txn, Keys.user(user.getKey()), user.getValue(), q);
                sources.add(source);
                if (source.advance()) {
                    heads.add(source);
                }
            }
            List<Event> out = new ArrayList<>(Math.min(q.limit(), 1024));
            while (out.size() < q.limit() && !heads.isEmpty()) {
                UserEvents source = heads.poll();
                out.add(source.head);
                if (source.advance()) {
                    heads.add(source);
                }
            }
            return out;
        } finally {
            sources.forEach(s -> s.cursor.close());
        }
    }

    /** One user's matching events, in query order, read lazily from the index. */
    private final class UserEvents {
        final Cursor<byte[]> cursor;
        final byte[] user;
        final Txn<byte[]> txn;
        final EventQuery query;
        private final long after;
        Event head;
        private boolean started;

        UserEvents(Txn<byte[]> txn, byte[] user, long after, EventQuery query) {
            this.txn = txn;
            this.user = user;
            this.query = query;
            this.cursor = env.eventsByUser.openCursor(txn);
            this.after = after;
        }

        private boolean position() {
            if (!query.reverse()) {
                return cursor.get(Keys.userCursor(user, after + 1), GetOp.MDB_SET_RANGE);
            }
            byte[] bound = Keys.userCursor(user, after == 0 ? -1L : after);
            return cursor.get(bound, GetOp.MDB_SET_RANGE) ? cursor.prev() : cursor.last();
        }

        boolean advance() {
            boolean ok;
            if (!started) {
                started = true;
                ok = position();
            } else {
                ok = query.reverse() ? cursor.prev() : cursor.next();
            }
            while (ok) {
                byte[] key = cursor.key();
                if (!Keys.startsWith(key, user)) {
                    return false;
                }
                long id = Keys.getU64(key, Keys.USER_BYTES);
                Event e = Codec.event(id, env.events.get(txn, Keys.u64(id)));
                if (query.matchesPath(e.path())) {
                    head = e;
                    return true;
                }
                ok = query.reverse() ? cursor.prev() : cursor.next();
            }
            return false;
        }
    }

    @Override
    public long lastCursor() {
        return env.read(txn -> Meta.get(env, txn, Meta.EVENT_SEQ));
    }

    @Override
    public Subscription subscribe(Runnable listener) {
        requireNonNull(listener, "listener is null");
        return notifier.subscribe(listener);
    }
}
