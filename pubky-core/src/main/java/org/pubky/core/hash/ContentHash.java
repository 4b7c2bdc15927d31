package org.pubky.core.hash;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The BLAKE3-256 hash of a stored file's bytes. Its text forms: {@link #base64()} (standard
 * alphabet with padding, 44 characters) in event streams, and {@link #etag()} (the same, quoted)
 * in {@code ETag} headers.
 *
 * <p>Immutable and thread-safe; {@link Hasher} is for one stream at a time.
 */
public final class ContentHash {
    /** Length of the hash. */
    public static final int LENGTH = 32;
    private static final int BASE64_LENGTH = 44;

    private final byte[] bytes;

    private ContentHash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Hash of {@code data}. */
    public static ContentHash of(byte[] data) {
        return hasher().update(data, 0, data.length).finish();
    }

    /** A hasher for data that arrives in pieces. */
    public static Hasher hasher() {
        return new Hasher();
    }

    /**
     * A hash from its 32 bytes.
     *
     * @throws PubkyException {@link ErrorCode#MALFORMED_INPUT} for another length
     */
    public static ContentHash fromBytes(byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        if (bytes.length != LENGTH) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "content hash must be 32 bytes, got " + bytes.length);
        }
        return new ContentHash(bytes.clone());
    }

    /**
     * Parses the 44-character padded standard base64 form, canonical only.
     *
     * @throws PubkyException {@link ErrorCode#MALFORMED_INPUT} otherwise
     */
    public static ContentHash parseBase64(String text) {
        requireNonNull(text, "text is null");
        if (text.length() != BASE64_LENGTH || text.charAt(BASE64_LENGTH - 1) != '='
                || text.charAt(BASE64_LENGTH - 2) == '=') {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "content hash must be 44 characters of padded base64");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "content hash is not valid base64");
        }
        ContentHash hash = fromBytes(decoded);
        if (!hash.base64().equals(text)) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "content hash is not canonical base64");
        }
        return hash;
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Standard base64 with padding, 44 characters. */
    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The {@code ETag} header value: the base64 form in double quotes. */
    public String etag() {
        return '"' + base64() + '"';
    }

    /** Lowercase hex, 64 characters. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentHash other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }

    /** Incremental hashing, so that uploads are hashed while they stream. Not thread-safe. */
    public static final class Hasher {
        private final Blake3Digest digest = new Blake3Digest(LENGTH * 8);
        private boolean finished;

        private Hasher() {
        }

        public Hasher update(byte[] data, int offset, int length) {
            checkOpen();
            digest.update(data, offset, length);
            return this;
        }

        /** Consumes the remaining bytes of {@code buffer}. */
        public Hasher update(ByteBuffer buffer) {
            checkOpen();
            if (buffer.hasArray()) {
                digest.update(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                buffer.position(buffer.limit());
            } else {
                byte[] chunk = new byte[Math.min(buffer.remaining(), 8192)];
                while (buffer.hasRemaining()) {
                    int n = Math.min(chunk.length, buffer.remaining());
                    buffer.get(chunk, 0, n);
                    digest.update(chunk, 0, n);
                }
            }
            return this;
        }

        /** The hash of everything passed in; the hasher cannot be used afterwards. */
        public ContentHash finish() {
            checkOpen();
            finished = true;
            byte[] out = new byte[LENGTH];
            digest.doFinal(out, 0);
            return new ContentHash(out);
        }

        private void checkOpen() {
            if (finished) {
                throw new IllegalStateException("hasher already finished");
            }
        }
    }
}
