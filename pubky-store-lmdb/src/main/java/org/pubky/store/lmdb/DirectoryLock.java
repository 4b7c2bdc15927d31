package org.pubky.store.lmdb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * An exclusive lock on {@code <dir>/pubky-lmdb.lock}, held while a store has the environment
 * open. LMDB must not be opened twice in one process, and the map-growth protocol only
 * coordinates the transactions of one process, so a second opener (in this JVM or another) is
 * refused. Closing is idempotent. Thread-safe.
 */
final class DirectoryLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(Path dir) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve("pubky-lmdb.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new PubkyException(ErrorCode.STORAGE_FAILURE,
                        "the LMDB directory is already in use by another store");
            }
            return new DirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "cannot open the LMDB directory", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the original error is what matters
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "cannot release the LMDB directory lock", e);
        }
    }
}
