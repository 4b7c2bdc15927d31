package org.pubky.store.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;

/** Deterministic test content generated on the fly, and helpers to check what comes back. */
final class TestContent {
    private TestContent() {
    }

    /** The byte at {@code position} of the content with {@code seed}: cheap, and not periodic over short spans. */
    static byte byteAt(long seed, long position) {
        long x = (position + seed) * 0x9E3779B97F4A7C15L;
        return (byte) (x >>> 56 ^ x >>> 29);
    }

    /** {@code length} bytes of content {@code seed}, produced without holding them. */
    static InputStream stream(long seed, long length) {
        return stream(seed, 0, length);
    }

    /** Bytes {@code [start, end)} of content {@code seed}. */
    static InputStream stream(long seed, long start, long end) {
        return new InputStream() {
            private long position = start;

            @Override
            public int read() {
                return position < end ? byteAt(seed, position++) & 0xff : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (count == 0) {
                    return 0;
                }
                if (position >= end) {
                    return -1;
                }
                int n = (int) Math.min(count, end - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = byteAt(seed, position++);
                }
                return n;
            }
        };
    }

    static byte[] bytes(long seed, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = byteAt(seed, i);
        }
        return out;
    }

    /** An output stream that checks every byte against content {@code seed} from {@code start}. */
    static final class Verifier extends OutputStream {
        private final long seed;
        private long position;
        private long mismatches;

        Verifier(long seed, long start) {
            this.seed = seed;
            this.position = start;
        }

        @Override
        public void write(int b) {
            if ((byte) b != byteAt(seed, position++)) {
                mismatches++;
            }
        }

        @Override
        public void write(byte[] buffer, int offset, int count) {
            for (int i = 0; i < count; i++) {
                write(buffer[offset + i]);
            }
        }

        long mismatches() {
            return mismatches;
        }
    }

    static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertContent(InputStream in, long seed, long start, long length) {
        Verifier verifier = new Verifier(seed, start);
        try (in) {
            assertThat(in.transferTo(verifier)).isEqualTo(length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(verifier.mismatches()).isZero();
    }

    /** Bytes allocated on the heap by the current thread so far (HotSpot). */
    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
