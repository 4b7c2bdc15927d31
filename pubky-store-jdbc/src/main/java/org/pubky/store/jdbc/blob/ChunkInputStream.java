package org.pubky.store.jdbc.blob;

import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import org.pubky.spi.PubkyException;
import org.pubky.store.jdbc.db.Database;

/**
 * Reads a byte range of a chunked blob, one chunk row at a time. Each chunk is fetched with its own
 * short query on a pooled connection, so a slow reader holds at most one chunk in memory and no
 * connection between reads. A blob deleted while being read ends the stream with an
 * {@link IOException}. Not thread-safe (as streams are not).
 */
public final class ChunkInputStream extends InputStream {
    private final Database db;
    private final String select;
    private final String blobId;
    private final int chunkSize;
    private final long end;
    private long position;
    private long mark;
    private byte[] chunk;
    private long chunkSeq = -1;
    private boolean closed;

    /**
     * @param select SQL selecting {@code data} by {@code (blob_id, seq)}
     * @param start first byte to read
     * @param end byte after the last to read
     */
    public ChunkInputStream(Database db, String select, String blobId, int chunkSize, long start, long end) {
        this.db = db;
        this.select = select;
        this.blobId = blobId;
        this.chunkSize = chunkSize;
        this.position = start;
        this.mark = start;
        this.end = end;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        long seq = position / chunkSize;
        if (seq != chunkSeq) {
            load(seq);
        }
        int within = (int) (position - seq * chunkSize);
        int n = (int) Math.min(Math.min(len, chunk.length - within), end - position);
        if (n <= 0) {
            throw new IOException("blob " + blobId + " is shorter than its recorded length");
        }
        System.arraycopy(chunk, within, b, off, n);
        position += n;
        return n;
    }

    private void load(long seq) throws IOException {
        try {
            chunk = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(select)) {
                    ps.setString(1, blobId);
                    ps.setInt(2, Math.toIntExact(seq));
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getBytes(1) : null;
                    }
                }
            });
        } catch (PubkyException e) {
            throw new IOException("cannot read blob " + blobId, e);
        }
        if (chunk == null) {
            throw new IOException("blob " + blobId + " was deleted while being read");
        }
        chunkSeq = seq;
    }

    @Override
    public long skip(long n) {
        if (n <= 0) {
            return 0;
        }
        long skipped = Math.min(n, end - position);
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        if (chunk == null || closed) {
            return 0;
        }
        long inChunk = chunkSeq * chunkSize + chunk.length - position;
        return (int) Math.max(0, Math.min(inChunk, end - position));
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public synchronized void mark(int readLimit) {
        mark = position;
    }

    @Override
    public synchronized void reset() {
        position = mark;
    }

    @Override
    public void close() {
        closed = true;
        chunk = null;
    }
}
