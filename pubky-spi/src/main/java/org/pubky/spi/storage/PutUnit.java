package org.pubky.spi.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One atomic file write: the blob is already durable in the blob store; the unit makes the path
 * point to it.
 *
 * @param user the owner; must exist
 * @param path the canonical file path
 * @param blob the written blob
 * @param contentHash BLAKE3-256 of the blob's content
 * @param contentType the media type decided by the homeserver
 * @param at the write time, used for the entry and its event
 * @param maxUsedBytes the owner's quota in bytes, or {@link #NO_LIMIT}; the unit fails if the
 *     owner's used bytes after the write would exceed it
 * @param checkCollisions false only for administrative repair writes, which may create a file
 *     where a directory exists or the reverse
 */
public record PutUnit(String user, String path, StoredBlob blob, byte[] contentHash, String contentType, Instant at,
        long maxUsedBytes, boolean checkCollisions) {
    /** {@link #maxUsedBytes} value for "no quota". */
    public static final long NO_LIMIT = -1;

    public PutUnit {
        Checks.user(user);
        Checks.filePath(path);
        requireNonNull(blob, "blob is null");
        contentHash = Checks.hash(contentHash);
        requireNonNull(contentType, "contentType is null");
        requireNonNull(at, "at is null");
        if (maxUsedBytes < NO_LIMIT) {
            throw new IllegalArgumentException("maxUsedBytes must be >= 0 or NO_LIMIT");
        }
    }

    @Override
    public byte[] contentHash() {
        return contentHash.clone();
    }
}
