package org.pubky.store.files;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Where things live under the store's root directory:
 *
 * <pre>
 * root/
 *   tmp/                      writes in progress ({@code *.tmp}), never visible as blobs
 *   9f/                       first fan-out level: random digits 1-2 of the id
 *     03/                     second fan-out level: random digits 3-4 of the id
 *       00062f4a3b2c1d-9f03c2e1d4b5a6978877665a
 * </pre>
 *
 * <p>65,536 leaf directories keep each one small (a billion blobs is about 15,000 files per
 * directory). Fan-out directories are created on demand and never removed, so a writer never
 * races a cleaner that deletes the directory it is about to rename into; there are at most
 * 65,792 of them.
 *
 * <p>Nothing here follows a symbolic link: a fan-out directory that is a link (or not a
 * directory) is refused, and the caller opens blob files with {@code NOFOLLOW_LINKS}. Ids reach
 * this class only after {@link BlobIds#check} accepted them, so a path built from one cannot
 * leave the root; {@link #blobPath} still checks it.
 *
 * <p>Thread-safe: the only state is two concurrent sets of leaf directories already verified
 * (so steady-state operations cost no extra {@code stat}) and already made durable.
 */
final class StoreLayout {
    static final String TEMP_DIRECTORY = "tmp";

    private final Path root;
    private final Durability durability;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    private final Set<String> durable = ConcurrentHashMap.newKeySet();

    /** @param root the real (symlink-free, absolute) path of the store's directory */
    StoreLayout(Path root, Durability durability) {
        this.root = root;
        this.durability = durability;
    }

    Path root() {
        return root;
    }

    Path tempDirectory() {
        return root.resolve(TEMP_DIRECTORY);
    }

    /** The path of blob {@code id}, whether or not it exists. */
    Path blobPath(String id) {
        Path path = root.resolve(BlobIds.level1(id)).resolve(BlobIds.level2(id)).resolve(id).normalize();
        if (!path.startsWith(root) || path.getNameCount() != root.getNameCount() + 3) {
            throw new PubkyException(ErrorCode.INTERNAL, "blob id escaped the store");
        }
        return path;
    }

    /**
     * The path of blob {@code id} if its fan-out directories exist and are real directories;
     * {@code null} if they do not exist or are something else (a link, a file), in which case
     * the blob is treated as absent.
     */
    Path existingBlobPath(String id) throws IOException {
        String leaf = leaf(id);
        if (!verified.contains(leaf)) {
            Path level1 = root.resolve(BlobIds.level1(id));
            if (!isRealDirectory(level1) || !isRealDirectory(level1.resolve(BlobIds.level2(id)))) {
                return null;
            }
            verified.add(leaf);
        }
        return blobPath(id);
    }

    /**
     * The path blob {@code id} is to be renamed to, after making sure its fan-out directories
     * exist, are real directories and (the first time this instance uses them) that their
     * entries are durable: another process may have created them a moment ago without having
     * synced them yet.
     */
    Path prepareBlobPath(String id) throws IOException {
        String leaf = leaf(id);
        if (!durable.contains(leaf)) {
            Path level1 = root.resolve(BlobIds.level1(id));
            Path level2 = level1.resolve(BlobIds.level2(id));
            ensureDirectory(level1);
            durability.syncDirectory(root);
            ensureDirectory(level2);
            durability.syncDirectory(level1);
            verified.add(leaf);
            durable.add(leaf);
        }
        return blobPath(id);
    }

    /** Drops what this instance believed about the fan-out directories of {@code id}. */
    void forget(String id) {
        String leaf = leaf(id);
        verified.remove(leaf);
        durable.remove(leaf);
    }

    /**
     * Calls {@code visitor} with the id of every blob created before {@code limitMicros}
     * ({@link BlobIds#ceilMicros}), reading directory listings only. Skips fan-out entries that
     * are not real directories and files that are not named like ids; a directory removed while
     * the walk runs is skipped too.
     */
    void forEachBlob(long limitMicros, Consumer<String> visitor) throws IOException {
        for (Path level1 : fanOutDirectories(root)) {
            for (Path level2 : fanOutDirectories(level1)) {
                scanLeaf(level2, limitMicros, visitor);
            }
        }
    }

    private static List<Path> fanOutDirectories(Path parent) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (Path entry : entries) {
                if (BlobIds.isFanOutName(entry.getFileName().toString()) && isRealDirectory(entry)) {
                    found.add(entry);
                }
            }
        } catch (NoSuchFileException e) {
            // removed by hand while we walked: nothing in it to visit
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return found;
    }

    private static void scanLeaf(Path leaf, long limit, Consumer<String> visitor) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(leaf)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (BlobIds.isId(name) && BlobIds.createdMicros(name) < limit) {
                    visitor.accept(name);
                }
            }
        } catch (NoSuchFileException e) {
            // removed by hand while we walked
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
    }

    /** Creates {@code directory} unless it exists; refuses anything but a real directory. */
    static void ensureDirectory(Path directory) throws IOException {
        try {
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException e) {
            if (!isRealDirectory(directory)) {
                throw new PubkyException(ErrorCode.STORAGE_FAILURE,
                        "blob store layout is damaged: an entry that should be a directory is not one", e);
            }
        }
    }

    /** A directory that is not a symbolic link; false if nothing is there. */
    static boolean isRealDirectory(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory();
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static String leaf(String id) {
        return BlobIds.level1(id) + BlobIds.level2(id);
    }
}
