package org.pubky.core.homeserver.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.pubky.core.hash.ContentHash;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * An upload body on its way to the blob store: hashes every byte (BLAKE3), keeps the first
 * {@link ContentTypes#SNIFF_BYTES} for content-type sniffing, and stops the upload with the
 * right error as soon as it exceeds the quota or the upload size limit, so an oversized body is
 * never stored whole. Not thread-safe (one upload, one thread).
 */
final class UploadStream extends FilterInputStream {
    private final ContentHash.Hasher hasher = ContentHash.hasher();
    private final byte[] head = new byte[ContentTypes.SNIFF_BYTES];
    private final long quotaRoom;
    private final long sizeLimit;
    private int headLength;
    private long count;

    /**
     * @param quotaRoom bytes the quota still allows for this file, or {@code Long.MAX_VALUE}
     * @param sizeLimit largest accepted body, or {@code Long.MAX_VALUE}
     */
    UploadStream(InputStream in, long quotaRoom, long sizeLimit) {
        super(in);
        this.quotaRoom = quotaRoom;
        this.sizeLimit = sizeLimit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count += n;
            if (count > sizeLimit) {
                throw new PubkyException(ErrorCode.PAYLOAD_TOO_LARGE, "Payload too large");
            }
            if (count > quotaRoom) {
                throw new PubkyException(ErrorCode.QUOTA_EXCEEDED, "Disk space quota exceeded");
            }
            hasher.update(b, off, n);
            if (headLength < head.length) {
                int copy = Math.min(n, head.length - headLength);
                System.arraycopy(b, off, head, headLength, copy);
                headLength += copy;
            }
        }
        return n;
    }

    @Override
    public long skip(long n) {
        return 0; // every byte must pass through the hash
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long count() {
        return count;
    }

    ContentHash hash() {
        return hasher.finish();
    }

    String contentType(String path) {
        return ContentTypes.detect(head, headLength, path);
    }
}
