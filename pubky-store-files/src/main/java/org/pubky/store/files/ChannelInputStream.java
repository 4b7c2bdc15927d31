package org.pubky.store.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * Reads a window {@code [start, end)} of a file with positional reads, clamped to the end of the
 * file. Skipping moves the position without reading, so a range read never touches the bytes
 * before it. Not thread-safe, like any {@link InputStream}; closing closes the channel.
 */
final class ChannelInputStream extends InputStream {
    static final int BUFFER_SIZE = 64 * 1024;

    private final FileChannel channel;
    private final long end;
    private long position;
    private byte[] single;

    /**
     * @param start the first byte to read
     * @param length how many bytes at most; {@link Long#MAX_VALUE} for the rest of the file
     */
    ChannelInputStream(FileChannel channel, long start, long length) {
        this.channel = channel;
        this.position = start;
        this.end = length > Long.MAX_VALUE - start ? Long.MAX_VALUE : start + length;
    }

    @Override
    public int read() throws IOException {
        if (single == null) {
            single = new byte[1];
        }
        return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int wanted = (int) Math.min(length, end - position);
        int read = channel.read(ByteBuffer.wrap(buffer, offset, wanted), position);
        if (read < 0) {
            return -1;
        }
        position += read;
        return read;
    }

    @Override
    public long skip(long count) throws IOException {
        long skipped = Math.max(0, Math.min(count, remaining()));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, remaining());
    }

    @Override
    public long transferTo(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out is null");
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        int read;
        while ((read = read(buffer, 0, buffer.length)) >= 0) {
            out.write(buffer, 0, read);
            total += read;
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private long remaining() throws IOException {
        return Math.max(0, Math.min(end, channel.size()) - position);
    }
}
