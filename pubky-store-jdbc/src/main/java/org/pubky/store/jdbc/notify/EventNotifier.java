package org.pubky.store.jdbc.notify;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.LongSupplier;
import org.pubky.spi.storage.EventLog;
import org.pubky.store.jdbc.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes {@link EventLog#subscribe} listeners. Every commit of this instance wakes them directly
 * (on the committing thread). Events of other instances wake them through one background worker,
 * started with the first subscription: on PostgreSQL a {@link PgListener} on {@code LISTEN}; on
 * MariaDB and H2, if configured, a poll of the newest cursor. Listener calls may be coalesced or
 * repeated; a listener that throws is logged and stays subscribed.
 *
 * <p>Thread-safe. Closing stops the worker and further calls.
 */
public final class EventNotifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventNotifier.class);

    private final Set<Registration> listeners = new CopyOnWriteArraySet<>();
    private final Database db;
    private final String pgChannel;
    private final long pollMillis;
    private final LongSupplier lastCursor;
    private Worker worker;
    private volatile boolean closed;

    /**
     * @param pgChannel the channel to LISTEN on (PostgreSQL), or null
     * @param pollMillis the poll interval when there is no channel, 0 for none
     * @param lastCursor reads the newest cursor, for the poll
     */
    public EventNotifier(Database db, String pgChannel, long pollMillis, LongSupplier lastCursor) {
        this.db = db;
        this.pgChannel = pgChannel;
        this.pollMillis = pollMillis;
        this.lastCursor = lastCursor;
    }

    /** A background worker that calls {@link EventNotifier#fire} when other instances commit. */
    interface Worker extends AutoCloseable {
        /** Blocks until the worker would notice a commit made from now on, at most the timeout. */
        boolean awaitReady(long millis) throws InterruptedException;

        @Override
        void close();
    }

    /**
     * Registers {@code listener}. The first registration starts the cross-instance worker and waits
     * (up to a few seconds) until it listens, so that commits made after this returns wake the
     * listener whichever instance makes them.
     */
    public EventLog.Subscription subscribe(Runnable listener) {
        db.ensureOpen();
        Registration r = new Registration(listener);
        listeners.add(r);
        Worker w = startWorker();
        if (w != null) {
            try {
                if (!w.awaitReady(5_000)) {
                    LOG.warn("event listener is not connected yet; other instances' events wake subscribers once "
                            + "it is");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return r;
    }

    private synchronized Worker startWorker() {
        if (worker == null && !closed) {
            if (pgChannel != null) {
                worker = new PgListener(db, pgChannel, this::fire);
            } else if (pollMillis > 0) {
                worker = new CursorPoller(pollMillis, lastCursor, this::fire);
            }
        }
        return worker;
    }

    /** The PostgreSQL channel name, or null. */
    public String channel() {
        return pgChannel;
    }

    /** Wakes every listener now. */
    public void fire() {
        if (closed) {
            return;
        }
        for (Registration r : listeners) {
            try {
                r.listener.run();
            } catch (RuntimeException e) {
                LOG.warn("event listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        Worker w;
        synchronized (this) {
            closed = true;
            w = worker;
            worker = null;
        }
        listeners.clear();
        if (w != null) {
            w.close();
        }
    }

    private final class Registration implements EventLog.Subscription {
        private final Runnable listener;

        Registration(Runnable listener) {
            this.listener = Objects.requireNonNull(listener, "listener is null");
        }

        @Override
        public void close() {
            listeners.remove(this);
        }
    }
}
