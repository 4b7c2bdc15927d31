package org.pubky.core.storage.memory;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.StoreCapability;
import org.pubky.spi.storage.StoredBlob;

/**
 * A {@link BlobStore} held in memory but off the Java heap: content is copied into direct
 * buffers of at most {@value #CHUNK_SIZE} bytes, so a large upload neither needs one huge array
 * nor grows the heap the garbage collector has to trace. A direct buffer's memory returns to the
 * system when the collector frees the buffer, after the blob was deleted or the store closed;
 * the JVM's direct-memory limit ({@code -XX:MaxDirectMemorySize}, by default the heap size) caps
 * what the store can hold.
 *
 * <p>A blob becomes visible (to {@link #open}, {@link #scan}) only once its content has been read
 * to the end; a failed write leaves nothing. Reads see a blob as it was when opened, even if it is
 * deleted meanwhile. Supports {@linkplain StoreCapability#RANGE_READS range reads}; not durable.
 * Thread-safe.
 */
public final class InMemoryBlobStore implements BlobStore {
    /** The size of the direct buffers content is kept in. */
    public static final int CHUNK_SIZE = 64 * 1024;

    private final Clock clock;
    private final Map<String, Blob> blobs = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private volatile boolean closed;

    /** The content of one blob: read-only direct chunks, all full but the last. */
    private record Blob(List<ByteBuffer> chunks, long length, Instant createdAt) {
    }

    /** A store that stamps blobs with {@code clock}'s time when their write completes. */
    public InMemoryBlobStore(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public StoredBlob write(InputStream content) {
        requireNonNull(content, "content is null");
        checkOpen();
        List<ByteBuffer> chunks = new ArrayList<>();
        byte[] buffer = new byte[CHUNK_SIZE];
        long length = 0;
        try {
            int read;
            do {
                read = content.readNBytes(buffer, 0, CHUNK_SIZE);
                if (read > 0) {
                    ByteBuffer chunk = ByteBuffer.allocateDirect(read);
                    chunk.put(buffer, 0, read).flip();
                    chunks.add(chunk.asReadOnlyBuffer());
                    length += read;
                }
            } while (read == CHUNK_SIZE);
        } catch (IOException e) {
            // the caller's stream failed, not this store: hand its exception back unchanged inside
            throw new UncheckedIOException(e);
        }
        checkOpen();
        String id = "mem-" + lastId.incrementAndGet();
        blobs.put(id, new Blob(List.copyOf(chunks), length, clock.instant()));
        return new StoredBlob(id, length);
    }

    @Override
    public InputStream open(String id) {
        Blob blob = existing(id);
        return new ChunkInputStream(blob.chunks(), 0, blob.length());
    }

    @Override
    public InputStream open(String id, long offset, long length) {
        Blob blob = existing(id);
        if (offset < 0 || length < 0 || offset > blob.length() || length > blob.length() - offset) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT,
                    "range " + offset + "+" + length + " is outside the blob of " + blob.length() + " bytes");
        }
        return new ChunkInputStream(blob.chunks(), offset, length);
    }

    @Override
    public boolean delete(String id) {
        checkOpen();
        return blobs.remove(requireNonNull(id, "id is null")) != null;
    }

    @Override
    public void scan(Instant createdBefore, Consumer<String> visitor) {
        requireNonNull(createdBefore, "createdBefore is null");
        requireNonNull(visitor, "visitor is null");
        checkOpen();
        List<String> old = new ArrayList<>();
        blobs.forEach((id, blob) -> {
            if (blob.createdAt().isBefore(createdBefore)) {
                old.add(id);
            }
        });
        // visit outside the map's iteration so the visitor may delete what it is shown
        old.forEach(visitor);
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return Set.of(StoreCapability.RANGE_READS);
    }

    @Override
    public void close() {
        closed = true;
        blobs.clear();
    }

    private Blob existing(String id) {
        requireNonNull(id, "id is null");
        checkOpen();
        Blob blob = blobs.get(id);
        if (blob == null) {
            throw new PubkyException(ErrorCode.NOT_FOUND, "Blob not found");
        }
        return blob;
    }

    private void checkOpen() {
        if (closed) {
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "the in-memory blob store is closed");
        }
    }

    /** Reads {@code length} bytes from {@code offset} of a chunk list; owns its own buffer views. */
    private static final class ChunkInputStream extends InputStream {
        private final List<ByteBuffer> chunks;
        private int index;
        private ByteBuffer current;
        private long remaining;

        ChunkInputStream(List<ByteBuffer> chunks, long offset, long length) {
            this.chunks = chunks;
            this.remaining = length;
            this.index = (int) (offset / CHUNK_SIZE);
            if (length > 0) {
                current = chunks.get(index).duplicate();
                current.position((int) (offset % CHUNK_SIZE));
            }
        }

        @Override
        public int read() {
            if (!advance()) {
                return -1;
            }
            remaining--;
            return current.get() & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (!advance()) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, current.remaining()), remaining);
            current.get(b, off, n);
            remaining -= n;
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = 0;
            while (skipped < n && advance()) {
                int step = (int) Math.min(Math.min(n - skipped, current.remaining()), remaining);
                current.position(current.position() + step);
                remaining -= step;
                skipped += step;
            }
            return skipped;
        }

        @Override
        public int available() {
            return current == null || remaining == 0 ? 0 : (int) Math.min(current.remaining(), remaining);
        }

        /** Moves to the next chunk when the current one is used up; false at the end. */
        private boolean advance() {
            if (remaining == 0) {
                return false;
            }
            while (!current.hasRemaining()) {
                current = chunks.get(++index).duplicate();
            }
            return true;
        }
    }
}
