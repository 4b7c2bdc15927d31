package com.acme.pubky.blobs;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.StoreCapability;
import org.pubky.spi.storage.StoredBlob;

/**
 * A {@link BlobStore} that keeps each blob as one file directly in one directory.
 *
 * <p><b>Layout.</b> A blob's file name is its id: 16 hex digits of its creation time in
 * microseconds since the epoch (from the host's clock), a dash, 24 random hex digits. So
 * {@link #scan} needs only the directory listing, and an id that does not have exactly this shape
 * (such as {@code ../x}) names no blob before any file is touched. A write in progress is a
 * {@code <random>.part} file, which is never an id.
 *
 * <p><b>Durability.</b> {@link #write} streams into the part file, forces it to disk, stamps the
 * id, renames the file atomically and forces the directory, and only then returns; a crash leaves
 * either no blob or a complete one (plus perhaps a part file, removed at the next opening). Forcing
 * a directory works on Linux and macOS, not on Windows.
 *
 * <p><b>Limits of a sample.</b> One process per directory (opening removes part files it finds);
 * a single directory suits up to some hundred thousand blobs, beyond which a fan-out layout like
 * that of pubky-store-files scales better. No {@link StoreCapability#RANGE_READS}: range reads are
 * refused with {@code UNSUPPORTED}, and the homeserver then serves whole files.
 *
 * <p>Thread-safe. File-system failures are {@code STORAGE_FAILURE}; calls after {@link #close}
 * are {@code UNAVAILABLE}.
 */
public final class FlatDirectoryBlobStore implements BlobStore {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}-[0-9a-f]{24}");
    private static final String PART = ".part";
    private static final int BUFFER = 64 * 1024;
    private static final HexFormat HEX = HexFormat.of();

    private final Path root;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicBoolean closed = new AtomicBoolean();

    private FlatDirectoryBlobStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** Opens (creating if needed) the store in {@code directory}, stamping blobs with {@code clock}. */
    public static FlatDirectoryBlobStore open(Path directory, Clock clock) {
        requireNonNull(directory, "directory is null");
        requireNonNull(clock, "clock is null");
        try {
            Files.createDirectories(directory);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, "*" + PART)) {
                for (Path part : leftovers) {
                    Files.deleteIfExists(part); // a write that a crash interrupted
                }
            }
        } catch (IOException e) {
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "cannot open the blob directory", e);
        }
        return new FlatDirectoryBlobStore(directory, clock);
    }

    /**
     * {@inheritDoc}
     *
     * <p>If {@code content} fails, the part file is deleted and the failure comes back: a runtime
     * exception as itself, an {@link IOException} inside an {@link UncheckedIOException}.
     */
    @Override
    public StoredBlob write(InputStream content) {
        requireNonNull(content, "content is null");
        ensureOpen();
        Path part = root.resolve(HEX.formatHex(randomBytes(12)) + PART);
        long length;
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            length = copy(content, out);
            out.force(true);
        } catch (IOException e) { // only the disk's failures: the content's come out unchecked
            deleteQuietly(part);
            throw failure("cannot write a blob", e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(part);
            throw e;
        }
        // stamped when the content is complete, so a scan never sees a blob "created" before it was visible
        String id = HEX.toHexDigits(micros(clock.instant())) + "-" + HEX.formatHex(randomBytes(12));
        try {
            Files.move(part, root.resolve(id), StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel dir = FileChannel.open(root, StandardOpenOption.READ)) {
                dir.force(true); // makes the rename itself durable
            }
        } catch (IOException e) {
            deleteQuietly(part);
            deleteQuietly(root.resolve(id));
            throw failure("cannot store a blob", e);
        }
        return new StoredBlob(id, length);
    }

    @Override
    public InputStream open(String id) {
        requireNonNull(id, "id is null");
        ensureOpen();
        if (!ID.matcher(id).matches()) {
            throw notFound();
        }
        try {
            return new BufferedInputStream(Files.newInputStream(root.resolve(id)), BUFFER);
        } catch (NoSuchFileException e) {
            throw notFound();
        } catch (IOException e) {
            throw failure("cannot read a blob", e);
        }
    }

    @Override
    public boolean delete(String id) {
        requireNonNull(id, "id is null");
        ensureOpen();
        if (!ID.matcher(id).matches()) {
            return false;
        }
        try {
            return Files.deleteIfExists(root.resolve(id));
        } catch (IOException e) {
            throw failure("cannot delete a blob", e);
        }
    }

    /** {@inheritDoc} The visitor may delete what it is shown. */
    @Override
    public void scan(Instant createdBefore, Consumer<String> visitor) {
        requireNonNull(createdBefore, "createdBefore is null");
        requireNonNull(visitor, "visitor is null");
        ensureOpen();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (ID.matcher(name).matches() && createdAt(name).isBefore(createdBefore) && Files.exists(file)) {
                    visitor.accept(name);
                }
            }
        } catch (IOException e) {
            throw failure("cannot list the blob directory", e);
        }
    }

    /** Survives reopening; no range reads. */
    @Override
    public Set<StoreCapability> capabilities() {
        return Set.of(StoreCapability.DURABLE);
    }

    /** Idempotent; nothing to release but the promise to serve. */
    @Override
    public void close() {
        closed.set(true);
    }

    private static long copy(InputStream content, FileChannel out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long length = 0;
        for (int n = read(content, buffer); n >= 0; n = read(content, buffer)) {
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
            while (chunk.hasRemaining()) {
                out.write(chunk);
            }
            length += n;
        }
        return length;
    }

    /** Reads from the caller's stream; its IOException is the caller's problem, not the disk's. */
    private static int read(InputStream content, byte[] buffer) {
        try {
            return content.read(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    private static Instant createdAt(String id) {
        return Instant.EPOCH.plus(HexFormat.fromHexDigitsToLong(id, 0, 16), ChronoUnit.MICROS);
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new PubkyException(ErrorCode.UNAVAILABLE, "the blob store is closed");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // already failing; the original error is what the caller needs
        }
    }

    private static PubkyException notFound() {
        return new PubkyException(ErrorCode.NOT_FOUND, "no such blob");
    }

    private static PubkyException failure(String message, IOException cause) {
        return new PubkyException(ErrorCode.STORAGE_FAILURE, message, cause);
    }
}
