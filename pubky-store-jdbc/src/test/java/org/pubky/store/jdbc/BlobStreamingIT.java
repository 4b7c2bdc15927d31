package org.pubky.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.StoredBlob;
import org.pubky.store.jdbc.db.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs larger than the test JVM's whole heap stream through the store both ways. Failsafe runs
 * this class in its own JVM with {@code -Xmx128m} (see the module's POM), so a store that held a
 * blob in memory would fail with {@link OutOfMemoryError}; the content must come back bit for bit.
 */
@Timeout(1200)
final class BlobStreamingIT {
    private static final Logger LOG = LoggerFactory.getLogger(BlobStreamingIT.class);
    private static final long MIB = 1L << 20;
    /** What docs/storage-jdbc.md recommends for an H2 database that holds blobs. */
    static final String H2_BLOB_SETTINGS = ";WRITE_DELAY=0;CACHE_SIZE=4096";

    @ParameterizedTest
    @CsvSource({"POSTGRESQL, 512", "MARIADB, 160", "H2, 160"})
    void aBlobLargerThanTheHeapStreamsInAndOut(Dialect dialect, int mebibytes, @TempDir Path directory)
            throws Exception {
        long size = mebibytes * MIB;
        assertThat(Runtime.getRuntime().maxMemory()).as("the heap must be smaller than the blob for this proof")
                .isLessThan(size);
        try (TestDatabase tdb = TestDatabase.create(dialect);
                BlobStore blobs = new JdbcBlobStoreProvider().open(tdb.context(), config(tdb, directory))) {
            Generator content = new Generator(size, 0x5eed + mebibytes);
            long t0 = System.nanoTime();
            StoredBlob blob = blobs.write(content);
            long t1 = System.nanoTime();
            MessageDigest digest = sha256();
            long read = 0;
            try (InputStream in = blobs.open(blob.id())) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                    read += n;
                }
            }
            long t2 = System.nanoTime();
            LOG.info("{}: {} MiB written in {} ms ({} MiB/s), read in {} ms ({} MiB/s), heap max {} MiB", dialect,
                    mebibytes, (t1 - t0) / 1_000_000, mebibytes * 1000_000_000L / (t1 - t0), (t2 - t1) / 1_000_000,
                    mebibytes * 1000_000_000L / (t2 - t1), Runtime.getRuntime().maxMemory() / MIB);
            assertThat(blob.length()).isEqualTo(size);
            assertThat(read).isEqualTo(size);
            assertThat(digest.digest()).isEqualTo(content.digest());
            assertThat(blobs.delete(blob.id())).isTrue();
        }
    }

    private static java.util.Map<String, String> config(TestDatabase tdb, Path directory) {
        java.util.Map<String, String> config = new java.util.HashMap<>(tdb.config());
        if (tdb.dialect() == Dialect.H2) {
            // H2 in memory holds everything on the heap; a blob database in a file needs the
            // settings docs/storage-jdbc.md recommends, or H2 keeps written pages on the heap
            config.put("url", "jdbc:h2:file:" + directory.resolve("blobs").toAbsolutePath() + H2_BLOB_SETTINGS);
        }
        return config;
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }

    /** Pseudo-random bytes (xorshift), hashed as they are handed out; never held. */
    private static final class Generator extends InputStream {
        private final long size;
        private final MessageDigest digest;
        private long state;
        private long position;

        Generator(long size, long seed) throws NoSuchAlgorithmException {
            this.size = size;
            this.state = seed | 1;
            this.digest = sha256();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            digest.update(b, off, n);
            position += n;
            return n;
        }

        byte[] digest() {
            return digest.digest();
        }
    }
}
