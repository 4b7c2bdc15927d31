package org.pubky.store.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of writes in progress: {@code tmp/<random id>.tmp}, on the same file system as the
 * blobs so the final rename is atomic, and outside the fan-out directories so a scan never sees
 * them. Thread-safe (stateless apart from immutable fields).
 *
 * <p>A crash leaves its temp files behind. {@link #deleteStale} removes those whose last
 * modification is older than a grace period: a live write touches its file with every chunk, so
 * a stale file belongs to a write that died, possibly in another process sharing the directory,
 * and a fresh one may belong to a write still running there.
 */
final class TempFiles {
    private static final Logger LOG = LoggerFactory.getLogger(TempFiles.class);
    private static final String SUFFIX = ".tmp";

    private final Path directory;
    private final BlobIds names;
    private final FileAttribute<?>[] ownerOnly;

    TempFiles(Path directory, BlobIds names) {
        this.directory = directory;
        this.names = names;
        this.ownerOnly = directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** A temp file being written and the channel writing it. */
    record Temp(Path path, FileChannel channel) {
    }

    /** Creates a new, empty temp file, readable by the owner only where the file system allows. */
    Temp create(Instant now) throws IOException {
        Path path = directory.resolve(names.next(now) + SUFFIX);
        FileChannel channel = FileChannel.open(path,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), ownerOnly);
        return new Temp(path, channel);
    }

    /** Deletes a temp file after a failed write; never throws, since a failure is already on its way. */
    void discard(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not delete the temporary file of a failed blob write; it is removed once stale", e);
        }
    }

    /**
     * Deletes the temp files not modified since {@code olderThan}.
     *
     * @return how many were deleted
     */
    int deleteStale(Instant olderThan) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.endsWith(SUFFIX) || !BlobIds.isId(name.substring(0, name.length() - SUFFIX.length()))) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes =
                            Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (attributes.lastModifiedTime().toInstant().isBefore(olderThan) && Files.deleteIfExists(entry)) {
                        deleted++;
                    }
                } catch (NoSuchFileException e) {
                    // a concurrent cleaner or the write itself got there first
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        if (deleted > 0) {
            LOG.info("deleted {} stale temporary blob file(s) left by interrupted writes", deleted);
        }
        return deleted;
    }
}
