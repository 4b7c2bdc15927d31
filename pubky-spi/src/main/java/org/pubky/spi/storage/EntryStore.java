package org.pubky.spi.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Files of every user and the atomic units that change them. Thread-safe.
 *
 * <p><b>Ordering.</b> Listings order paths by their UTF-8 bytes ({@link PathOrder}).
 *
 * <p><b>Cost.</b> {@link #find}, {@link #directoryExists} and the units cost O(depth of the path);
 * {@link #list} costs O(limit + depth) however many entries the user or the directory holds.
 *
 * <p><b>Atomicity.</b> {@link #put} and {@link #delete} are each one atomic, durable unit: when
 * they return, the entry change, the owner's used-bytes change and the event are all committed
 * and survive a crash; when they throw, none of them happened.
 */
public interface EntryStore {
    /** The entry at this exact file path, if any. */
    Optional<Entry> find(String user, String path);

    /** True if the user has at least one entry whose path starts with {@code directory}. */
    boolean directoryExists(String user, String directory);

    /**
     * Paths below the directory, in {@link PathOrder} (reversed if asked), respecting the cursor
     * and the limit. Deep listings return file paths; shallow ones return the immediate files and
     * each immediate sub-directory once, with a trailing {@code /}. When a file and a directory
     * share a name (possible after administrative writes), the file comes first.
     */
    List<String> list(ListQuery query);

    /**
     * Commits a write: upserts the entry, adjusts the owner's used bytes by
     * {@code new length - old length}, plus {@link Entry#METADATA_OVERHEAD} for a new path, and
     * appends a PUT event carrying the content hash.
     *
     * <p>Checks, inside the unit: the owner exists ({@code NOT_FOUND}); when
     * {@link PutUnit#checkCollisions()}, no ancestor of the path is a file and the path is not a
     * directory prefix of another entry ({@code CONFLICT} "File/folder path collision"); used bytes
     * after the write do not exceed {@link PutUnit#maxUsedBytes()} ({@code QUOTA_EXCEEDED} "Disk
     * space quota exceeded"). Two concurrent colliding writes: exactly one succeeds.
     */
    PutOutcome put(PutUnit unit);

    /**
     * Commits a delete of exactly one file (never its descendants): removes the entry, lowers the
     * owner's used bytes by {@link Entry#accountedBytes()} and appends a DEL event. Of concurrent
     * deletes of one path exactly one succeeds.
     *
     * @throws org.pubky.spi.PubkyException {@code NOT_FOUND} if there is no such entry (nothing
     *     changes and no event is written)
     */
    DeleteOutcome delete(String user, String path, Instant at);

    /** True if any entry points to this blob; the orphan sweep deletes blobs for which it is false. */
    boolean isBlobReferenced(String blobId);
}
