package org.pubky.store.jdbc.notify;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-instance wake-ups for databases without LISTEN/NOTIFY (MariaDB, H2): reads the newest
 * cursor every interval (one index lookup) and fires when it moved. A daemon thread; closing stops it.
 */
final class CursorPoller implements EventNotifier.Worker, Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CursorPoller.class);

    private final long intervalMillis;
    private final LongSupplier lastCursor;
    private final Runnable fire;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closed;

    CursorPoller(long intervalMillis, LongSupplier lastCursor, Runnable fire) {
        this.intervalMillis = intervalMillis;
        this.lastCursor = lastCursor;
        this.fire = fire;
        this.thread = new Thread(this, "pubky-jdbc-event-poll");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        long seen = -1;
        while (!closed) {
            try {
                long now = lastCursor.getAsLong();
                if (seen >= 0 && now != seen) {
                    fire.run();
                }
                seen = now;
                ready.countDown();
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.debug("event poll failed", e);
            }
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public boolean awaitReady(long millis) throws InterruptedException {
        return ready.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
