package org.pubky.spi.storage;

import java.util.List;

/**
 * The append-only log of PUT and DEL events. Events are appended only by the units of
 * {@link EntryStore}. Thread-safe.
 */
public interface EventLog {
    /**
     * Events matching the query, ordered by cursor (descending when reversed), at most
     * {@link EventQuery#limit()}. With per-user cursors each user's events are taken after that
     * user's cursor and the results are merged in cursor order.
     */
    List<Event> read(EventQuery query);

    /** The cursor of the newest event, or 0 when the log is empty. */
    long lastCursor();

    /**
     * Calls {@code listener} after new events are committed; with the
     * {@link StoreCapability#CROSS_INSTANCE_NOTIFICATIONS} capability also for events committed by
     * other processes sharing the store. Calls may be coalesced and may come on any thread; the
     * listener must return quickly and then {@link #read} what is new. Closing the subscription
     * stops further calls.
     */
    Subscription subscribe(Runnable listener);

    /** A registration that can be cancelled. Closing twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
