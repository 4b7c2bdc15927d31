package org.pubky.core.storage.memory;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The one lock of an in-memory metadata store: readers share it, every unit takes it alone, so
 * units are serialised and readers never see half of one. Also refuses calls once closed.
 */
final class InMemoryGuard {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            checkOpen();
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            checkOpen();
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Marks the store closed and runs {@code release} under the lock; true the first time. */
    boolean close(Runnable release) {
        lock.writeLock().lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            release.run();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "the in-memory metadata store is closed");
        }
    }
}
