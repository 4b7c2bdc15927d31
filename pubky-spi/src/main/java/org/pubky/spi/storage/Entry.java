package org.pubky.spi.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A stored file: what a user's path points to.
 *
 * @param user the owner
 * @param path the canonical file path (never ends with {@code /})
 * @param blobId where the content lives in the blob store
 * @param contentHash BLAKE3-256 of the content, 32 bytes
 * @param length content length in bytes
 * @param contentType the media type decided at write time
 * @param modifiedAt time of the last write (microsecond precision)
 * @param createdAt time of the first write to this path since it last did not exist
 */
public record Entry(String user, String path, String blobId, byte[] contentHash, long length, String contentType,
        Instant modifiedAt, Instant createdAt) {
    /** What every file adds to its owner's used bytes on top of its length. */
    public static final long METADATA_OVERHEAD = 256;

    public Entry {
        Checks.user(user);
        Checks.filePath(path);
        requireNonNull(blobId, "blobId is null");
        contentHash = Checks.hash(contentHash);
        Checks.nonNegative(length, "length");
        requireNonNull(contentType, "contentType is null");
        requireNonNull(modifiedAt, "modifiedAt is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** A copy of the 32-byte content hash. */
    @Override
    public byte[] contentHash() {
        return contentHash.clone();
    }

    /** What this entry counts against its owner's quota: {@code length + 256}. */
    public long accountedBytes() {
        return length + METADATA_OVERHEAD;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Entry e && user.equals(e.user) && path.equals(e.path) && blobId.equals(e.blobId)
                && Arrays.equals(contentHash, e.contentHash) && length == e.length
                && contentType.equals(e.contentType) && modifiedAt.equals(e.modifiedAt)
                && createdAt.equals(e.createdAt);
    }

    @Override
    public int hashCode() {
        return (user.hashCode() * 31 + path.hashCode()) * 31 + Arrays.hashCode(contentHash);
    }

    @Override
    public String toString() {
        return "Entry[" + user + path + ", blob=" + blobId + ", hash=" + HexFormat.of().formatHex(contentHash)
                + ", length=" + length + ", type=" + contentType + ", modified=" + modifiedAt + "]";
    }
}
