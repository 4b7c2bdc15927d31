package org.pubky.store.files;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.StoreCapability;
import org.pubky.spi.storage.StoredBlob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BlobStore} on the local (or a shared) file system: one immutable file per blob under
 * two levels of fan-out directories (see {@link StoreLayout}), ids chosen by the store
 * (see {@link BlobIds}: creation time in microseconds plus 96 random bits).
 *
 * <p><b>Atomicity and durability.</b> {@link #write} streams into {@code tmp/<random>.tmp} with a
 * fixed 64 KiB buffer, forces the file to disk, renames it into place with
 * {@link StandardCopyOption#ATOMIC_MOVE} and forces the parent directory, in that order, and only
 * then returns. A blob is therefore either absent or complete and durable; a crash at any point
 * leaves at most a temp file, which is never visible as a blob and is removed once stale (on
 * {@link #at(FileBlobStoreConfig, Clock) opening} and by {@link #deleteStaleTempFiles()}). With
 * {@code fsync} off the same steps run without forcing anything.
 *
 * <p><b>Several processes</b> may share one directory (on a local or a POSIX-conforming network
 * file system): ids never collide in practice, nothing is ever modified in place, fan-out
 * directories are never removed, and a cleaner only deletes temp files idle for longer than the
 * grace period.
 *
 * <p><b>Untrusted ids</b> are checked before any file-system access: an id that does not have
 * the exact shape of this store's ids (a separator, {@code ..}, NUL, an absolute or overlong
 * path, anything else) names no blob, so {@link #open} fails with {@link ErrorCode#NOT_FOUND} and
 * {@link #delete} returns false without touching the disk. No symbolic link is followed below
 * the root.
 *
 * <p><b>Errors.</b> File-system failures become {@link ErrorCode#STORAGE_FAILURE} with the
 * {@link IOException} as cause; messages name no host path. Calls after {@link #close()} fail
 * with {@link ErrorCode#UNAVAILABLE}.
 *
 * <p>Thread-safe. Streams returned by {@link #open} are independent of each other and of the
 * store, and stay readable after the blob is deleted (on POSIX file systems) or the store closed.
 */
public final class FileBlobStore implements BlobStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileBlobStore.class);
    private static final int BUFFER_SIZE = ChannelInputStream.BUFFER_SIZE;
    private static final Set<StoreCapability> CAPABILITIES =
            Set.copyOf(EnumSet.of(StoreCapability.RANGE_READS, StoreCapability.DURABLE));

    private final FileBlobStoreConfig config;
    private final Clock clock;
    private final StoreLayout layout;
    private final TempFiles temps;
    private final Durability durability;
    private final BlobIds ids = new BlobIds();
    private final AtomicBoolean closed = new AtomicBoolean();

    private FileBlobStore(FileBlobStoreConfig config, Clock clock, Path root, Durability durability) {
        this.config = config;
        this.clock = clock;
        this.durability = durability;
        this.layout = new StoreLayout(root, durability);
        this.temps = new TempFiles(layout.tempDirectory(), ids);
    }

    /** Opens a store in {@code directory} with fsync on and the system clock. */
    public static FileBlobStore at(Path directory) {
        return at(FileBlobStoreConfig.of(directory), Clock.systemUTC());
    }

    /**
     * Opens a store: creates its directories if needed, checks they are usable and deletes stale
     * temp files.
     *
     * @param clock the source of blob creation times (and of "now" for stale temp files)
     * @throws PubkyException {@code STORAGE_FAILURE} if the directory cannot be created or used
     */
    public static FileBlobStore at(FileBlobStoreConfig config, Clock clock) {
        return at(config, clock, null);
    }

    /** As {@link #at(FileBlobStoreConfig, Clock)}, with the durability chosen by a test. */
    static FileBlobStore at(FileBlobStoreConfig config, Clock clock, Durability chosen) {
        requireNonNull(config, "config is null");
        requireNonNull(clock, "clock is null");
        Path root;
        try {
            Files.createDirectories(config.directory());
            root = config.directory().toRealPath();
            if (!Files.isDirectory(root)) {
                throw new PubkyException(ErrorCode.STORAGE_FAILURE, "the blob directory is not a directory");
            }
            StoreLayout.ensureDirectory(root.resolve(StoreLayout.TEMP_DIRECTORY));
        } catch (IOException e) {
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "cannot create or open the blob directory", e);
        }
        Durability durability = chosen != null ? chosen
                : !config.fsync() ? Durability.none()
                : Durability.fsync(Durability.canSyncDirectories(root));
        FileBlobStore store = new FileBlobStore(config, clock, root, durability);
        try {
            // the root's own entry and tmp/ must survive a crash before any blob depends on them
            if (root.getParent() != null) {
                durability.syncDirectory(root.getParent());
            }
            durability.syncDirectory(root);
        } catch (IOException e) {
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "cannot sync the blob directory", e);
        }
        store.deleteStaleTempFiles();
        LOG.debug("file blob store open (fsync {})", config.fsync());
        return store;
    }

    /**
     * {@inheritDoc}
     *
     * <p>When {@code content} fails, the temp file is deleted and the failure reaches the caller:
     * a runtime exception or error as the same instance, an {@link IOException} as an
     * {@link java.io.UncheckedIOException} whose cause is that same instance.
     *
     * @throws PubkyException {@code STORAGE_FAILURE} if the file system fails
     */
    @Override
    public StoredBlob write(InputStream content) {
        requireNonNull(content, "content is null");
        ensureOpen();
        TempFiles.Temp temp;
        try {
            temp = temps.create(clock.instant());
        } catch (IOException e) {
            throw failure("cannot create a temporary blob file", e);
        }
        long length;
        try (FileChannel channel = temp.channel()) {
            length = copy(content, channel);
            durability.syncFile(channel);
        } catch (InputFailure e) {
            temps.discard(temp.path());
            throw e.unwrap();
        } catch (IOException e) {
            temps.discard(temp.path());
            throw failure("cannot write a blob", e);
        } catch (RuntimeException | Error e) {
            temps.discard(temp.path());
            throw e;
        }
        return publish(temp.path(), length);
    }

    /**
     * Reads {@code content} to its end into {@code channel}. What the content throws comes out
     * wrapped in {@link InputFailure}, so that it can be told from the channel's own failures.
     */
    private static long copy(InputStream content, FileChannel channel) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        ByteBuffer wrapper = ByteBuffer.wrap(buffer);
        long length = 0;
        while (true) {
            int read;
            try {
                read = content.read(buffer, 0, BUFFER_SIZE);
            } catch (Throwable t) {
                throw new InputFailure(t);
            }
            if (read < 0) {
                return length;
            }
            wrapper.clear().limit(read);
            while (wrapper.hasRemaining()) {
                channel.write(wrapper);
            }
            length += read;
        }
    }

    /** Renames a complete, synced temp file into place under a new id and makes the rename durable. */
    private StoredBlob publish(Path temp, long length) {
        Path target;
        String id;
        try {
            // the id is stamped now, not when the upload began, so that a scan for blobs created
            // before some instant never returns one that became visible after it
            id = ids.next(clock.instant());
            target = layout.prepareBlobPath(id);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                // an operator removed the (empty) fan-out directory since we last made sure of it
                layout.forget(id);
                target = layout.prepareBlobPath(id);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            temps.discard(temp);
            throw e instanceof IOException io ? failure("cannot move a blob into place", io) : (RuntimeException) e;
        }
        try {
            durability.syncDirectory(target.getParent());
        } catch (IOException e) {
            // not known to be durable, so not reported as written; the caller will not reference it
            deleteQuietly(target);
            throw failure("cannot sync a blob directory", e);
        }
        return new StoredBlob(id, length);
    }

    @Override
    public InputStream open(String id) {
        return openRange(id, 0, Long.MAX_VALUE);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The range is clamped to the blob: bytes past its end are simply not there, so an
     * {@code offset} at or beyond the length yields an empty stream.
     *
     * @throws PubkyException {@code MALFORMED_INPUT} if {@code offset} or {@code length} is negative
     */
    @Override
    public InputStream open(String id, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "range offset and length must not be negative");
        }
        return openRange(id, offset, length);
    }

    private InputStream openRange(String id, long offset, long length) {
        requireNonNull(id, "id is null");
        ensureOpen();
        boolean ours = BlobIds.isId(id);
        if (!ours) {
            throw notFound();
        }
        Path file = null;
        try {
            file = layout.existingBlobPath(id);
            if (file == null) {
                throw notFound();
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            return new ChannelInputStream(channel, offset, length);
        } catch (NoSuchFileException e) {
            throw notFound();
        } catch (IOException e) {
            if (file != null && Files.isSymbolicLink(file)) {
                throw notFound();
            }
            throw failure("cannot read a blob", e);
        }
    }

    @Override
    public boolean delete(String id) {
        requireNonNull(id, "id is null");
        ensureOpen();
        boolean ours = BlobIds.isId(id);
        if (!ours) {
            return false;
        }
        try {
            Path file = layout.existingBlobPath(id);
            // unlinking needs no fsync: if a crash undoes it, the blob comes back as an orphan
            // that the homeserver's sweep finds and deletes again
            return file != null && Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure("cannot delete a blob", e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads only directory listings: the creation time is part of the id. Blobs that the
     * visitor deletes while the scan runs are not a problem. Fan-out directories and files that
     * are not this store's are skipped.
     */
    @Override
    public void scan(Instant createdBefore, Consumer<String> visitor) {
        requireNonNull(createdBefore, "createdBefore is null");
        requireNonNull(visitor, "visitor is null");
        ensureOpen();
        long limit = BlobIds.ceilMicros(createdBefore);
        try {
            layout.forEachBlob(limit, visitor);
        } catch (IOException e) {
            throw failure("cannot scan the blob directory", e);
        }
    }

    /**
     * Deletes temp files of writes that have not progressed for the configured grace period
     * (crashed writes, here or in another process sharing the directory). Runs on open; a
     * long-running host may also call it periodically.
     *
     * @return how many temp files were deleted
     */
    public int deleteStaleTempFiles() {
        ensureOpen();
        try {
            return temps.deleteStale(clock.instant().minus(config.tempGrace()));
        } catch (IOException e) {
            throw failure("cannot clean the temporary blob directory", e);
        }
    }

    /** {@link StoreCapability#RANGE_READS} and {@link StoreCapability#DURABLE}. */
    @Override
    public Set<StoreCapability> capabilities() {
        return CAPABILITIES;
    }

    /** The configuration this store was opened with. */
    public FileBlobStoreConfig config() {
        return config;
    }

    /** Idempotent. Streams already open stay readable; writes in progress still complete. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            LOG.debug("file blob store closed");
        }
    }

    @Override
    public String toString() {
        return "FileBlobStore[" + layout.root() + ", fsync=" + config.fsync() + "]";
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new PubkyException(ErrorCode.UNAVAILABLE, "the blob store is closed");
        }
    }

    private static void deleteQuietly(Path blob) {
        try {
            Files.deleteIfExists(blob);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not delete a blob whose write failed; the orphan sweep will", e);
        }
    }

    private static PubkyException notFound() {
        return new PubkyException(ErrorCode.NOT_FOUND, "no such blob");
    }

    private static PubkyException failure(String message, IOException cause) {
        return new PubkyException(ErrorCode.STORAGE_FAILURE, message, cause);
    }
}
