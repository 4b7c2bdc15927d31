package org.pubky.spi.storage;

import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Content bytes, streamed in and out, never held whole in memory. Thread-safe.
 *
 * <p>Every write creates a new blob with a new id chosen by the store; blobs are never modified.
 * The homeserver writes the blob first and then commits the metadata that points to it, and deletes
 * a blob only after the metadata stopped pointing to it. A crash between the two steps leaves an
 * orphan; the homeserver's sweep finds orphans with {@link #scan} and deletes them.
 */
public interface BlobStore extends AutoCloseable {
    /**
     * Reads {@code content} to its end into a new blob and makes it durable (for example fsync)
     * before returning. If reading fails (the stream throws, including a
     * {@link PubkyException} the caller raises to stop an oversized upload), the failure is
     * rethrown as is and no blob becomes visible.
     */
    StoredBlob write(InputStream content);

    /**
     * Opens a blob for reading; the caller closes the stream.
     *
     * @throws PubkyException {@code NOT_FOUND} if there is no such blob
     */
    InputStream open(String id);

    /**
     * Opens {@code length} bytes of a blob starting at {@code offset}.
     *
     * @throws PubkyException {@code UNSUPPORTED} unless the store has
     *     {@link StoreCapability#RANGE_READS}; {@code NOT_FOUND} if there is no such blob
     */
    default InputStream open(String id, long offset, long length) {
        throw new PubkyException(ErrorCode.UNSUPPORTED, "this blob store cannot read ranges");
    }

    /** Deletes a blob; returns false if it did not exist (idempotent). */
    boolean delete(String id);

    /**
     * Calls {@code visitor} with the id of every blob created before {@code createdBefore}, in no
     * particular order. Blobs being written concurrently are not visited.
     */
    void scan(Instant createdBefore, Consumer<String> visitor);

    /** Optional abilities of this store. */
    default Set<StoreCapability> capabilities() {
        return Set.of();
    }

    @Override
    void close();
}
