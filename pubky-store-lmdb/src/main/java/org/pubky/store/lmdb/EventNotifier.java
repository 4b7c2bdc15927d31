package org.pubky.store.lmdb;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes event-log subscribers after commits, on one dispatcher thread of its own, so a slow
 * listener never delays a writer. Signals are coalesced: however many commits happen while the
 * listeners run, they are called once more afterwards. The thread starts with the first
 * subscription and stops on {@link #close()}. Thread-safe.
 */
final class EventNotifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventNotifier.class);

    private final ThreadFactory threads;
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean pending;
    private boolean closed;
    private Thread dispatcher;

    EventNotifier(ThreadFactory threads) {
        this.threads = threads;
    }

    EventLog.Subscription subscribe(Runnable listener) {
        lock.lock();
        try {
            if (closed) {
                throw new PubkyException(ErrorCode.STORAGE_FAILURE, "the LMDB store is closed");
            }
            listeners.add(listener);
            if (dispatcher == null) {
                dispatcher = threads.newThread(this::run);
                dispatcher.start();
            }
        } finally {
            lock.unlock();
        }
        return () -> listeners.remove(listener);
    }

    /** Called after a commit that appended events; never blocks. */
    void signal() {
        if (listeners.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            pending = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            lock.lock();
            try {
                while (!pending && !closed) {
                    wake.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                pending = false;
            } finally {
                lock.unlock();
            }
            for (Runnable listener : listeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    LOG.warn("event listener failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        Thread toJoin;
        lock.lock();
        try {
            closed = true;
            listeners.clear();
            wake.signalAll();
            toJoin = dispatcher;
        } finally {
            lock.unlock();
        }
        if (toJoin != null && toJoin != Thread.currentThread()) {
            try {
                toJoin.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
