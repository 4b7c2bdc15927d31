package org.pubky.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.StoreCapability;
import org.pubky.spi.storage.StoredBlob;
import org.pubky.store.jdbc.db.Dialect;

/** Chunking, ranges, failure and scanning of {@link JdbcBlobStore} with a small chunk size. */
@Timeout(180)
final class BlobStoreIT {
    private static final int CHUNK = 4096;

    private static BlobStore open(TestDatabase tdb, Clock clock) {
        Map<String, String> config = new HashMap<>(tdb.config());
        config.put("chunk-size", Integer.toString(CHUNK));
        return new JdbcBlobStoreProvider().open(new ProviderContext(Optional.empty(), clock, Map.of()), config);
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void contentAcrossChunkBoundariesAndRangesReadsBackExactly(Dialect dialect) throws IOException {
        try (TestDatabase tdb = TestDatabase.create(dialect); BlobStore blobs = open(tdb, Clock.systemUTC())) {
            assertThat(blobs.capabilities()).contains(StoreCapability.RANGE_READS);
            for (int size : new int[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17}) {
                byte[] content = random(size, size);
                // a stream that hands out odd-sized pieces, as a network body does
                InputStream trickle = new InputStream() {
                    private int at;

                    @Override
                    public int read() {
                        return at < content.length ? content[at++] & 0xff : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (at >= content.length) {
                            return -1;
                        }
                        int n = Math.min(Math.min(len, 777), content.length - at);
                        System.arraycopy(content, at, b, off, n);
                        at += n;
                        return n;
                    }
                };
                StoredBlob blob = blobs.write(trickle);
                assertThat(blob.length()).isEqualTo(size);
                try (InputStream in = blobs.open(blob.id())) {
                    assertThat(in.readAllBytes()).isEqualTo(content);
                }
                for (long[] r : new long[][] {{0, size}, {CHUNK - 2, 5}, {CHUNK, CHUNK}, {size, 3}, {1, size},
                        {size / 2, 0}, {CHUNK + 1, 2L * CHUNK}}) {
                    int from = (int) Math.min(r[0], size);
                    int to = (int) Math.min(size, r[0] + r[1]);
                    try (InputStream in = blobs.open(blob.id(), r[0], r[1])) {
                        assertThat(in.readAllBytes()).as("range %d+%d of %d", r[0], r[1], size)
                                .isEqualTo(Arrays.copyOfRange(content, from, Math.max(from, to)));
                    }
                }
                try (InputStream in = blobs.open(blob.id())) {
                    assertThat(in.skip(CHUNK + 3)).isEqualTo(Math.min(size, CHUNK + 3));
                    byte[] rest = in.readAllBytes();
                    assertThat(rest).isEqualTo(Arrays.copyOfRange(content, Math.min(size, CHUNK + 3), size));
                }
            }
            assertThatThrownBy(() -> blobs.open("0".repeat(32), -1, 2)).isInstanceOf(PubkyException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aFailingUploadLeavesNothingAndItsExceptionComesBack(Dialect dialect) {
        try (TestDatabase tdb = TestDatabase.create(dialect); BlobStore blobs = open(tdb, Clock.systemUTC())) {
            IOException broken = new IOException("client went away");
            InputStream failing = new SequenceInputStream(new ByteArrayInputStream(random(3 * CHUNK, 1)),
                    new InputStream() {
                        @Override
                        public int read() throws IOException {
                            throw broken;
                        }
                    });
            assertThatThrownBy(() -> blobs.write(failing)).isInstanceOf(java.io.UncheckedIOException.class)
                    .cause().isSameAs(broken);
            IllegalStateException stop = new IllegalStateException("upload over the limit");
            InputStream stopped = new SequenceInputStream(new ByteArrayInputStream(random(2 * CHUNK, 3)),
                    new InputStream() {
                        @Override
                        public int read() {
                            throw stop;
                        }
                    });
            assertThatThrownBy(() -> blobs.write(stopped)).isSameAs(stop);
            List<String> seen = new ArrayList<>();
            blobs.scan(Instant.now().plusSeconds(60), seen::add);
            assertThat(seen).isEmpty();
            assertThat(chunkRows(tdb)).as("no chunk rows survive the rollback").isZero();
        }
    }

    private static long chunkRows(TestDatabase tdb) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(tdb.url());
                java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + tdb.schema()
                        + ".pubky_blob_chunks")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void deletingWhileReadingEndsTheStreamWithAnIOException(Dialect dialect) throws IOException {
        try (TestDatabase tdb = TestDatabase.create(dialect); BlobStore blobs = open(tdb, Clock.systemUTC())) {
            StoredBlob blob = blobs.write(new ByteArrayInputStream(random(3 * CHUNK, 2)));
            try (InputStream in = blobs.open(blob.id())) {
                assertThat(in.read(new byte[CHUNK])).isEqualTo(CHUNK);
                assertThat(blobs.delete(blob.id())).isTrue();
                assertThatThrownBy(() -> in.read(new byte[CHUNK])).isInstanceOf(IOException.class)
                        .hasMessageContaining("deleted");
            }
            assertThat(blobs.delete(blob.id())).isFalse();
            assertThat(chunkRows(tdb)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void scanPagesByCreationTimeAndTheVisitorMayDelete(Dialect dialect) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        MovableClock clock = new MovableClock(start);
        try (TestDatabase tdb = TestDatabase.create(dialect); BlobStore blobs = open(tdb, clock)) {
            List<String> old = new ArrayList<>();
            for (int i = 0; i < 1_050; i++) { // more than one scan page
                old.add(blobs.write(new ByteArrayInputStream(new byte[] {(byte) i})).id());
                if (i % 100 == 0) {
                    clock.advance(Duration.ofSeconds(1));
                }
            }
            clock.advance(Duration.ofHours(1));
            Instant cutoff = clock.instant();
            String young = blobs.write(new ByteArrayInputStream(new byte[] {9})).id();

            List<String> visited = new ArrayList<>();
            blobs.scan(cutoff, id -> {
                visited.add(id);
                blobs.delete(id);
            });

            assertThat(visited).hasSize(old.size()).containsExactlyInAnyOrderElementsOf(old);
            List<String> left = new ArrayList<>();
            blobs.scan(cutoff.plusSeconds(1), left::add);
            assertThat(left).containsExactly(young);
        }
    }

    /** A clock tests move by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aWriteLeftPendingByACrashIsInvisibleUntilAbandonedThenSwept(Dialect dialect) {
        MovableClock clock = new MovableClock(Instant.parse("2026-03-01T00:00:00Z"));
        try (TestDatabase tdb = TestDatabase.create(dialect); BlobStore blobs = open(tdb, clock)) {
            String done = blobs.write(new ByteArrayInputStream(new byte[] {1})).id();
            // what an H2 write killed half-way leaves: a pending header (length -1) and a chunk
            String crashed = "c".repeat(32);
            long created = clock.instant().toEpochMilli() * 1000;
            tdb.execute("INSERT INTO " + tdb.schema() + ".pubky_blobs (id, length, chunk_size, created_at) VALUES ('"
                    + crashed + "', -1, " + CHUNK + ", " + created + ")");
            tdb.execute("INSERT INTO " + tdb.schema() + ".pubky_blob_chunks (blob_id, seq, data) VALUES ('" + crashed
                    + "', 0, " + (dialect == Dialect.POSTGRESQL ? "'\\x01'" : "X'01'") + ")");
            clock.advance(Duration.ofHours(1));

            assertThatThrownBy(() -> blobs.open(crashed)).isInstanceOfSatisfying(PubkyException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
            assertThat(blobs.delete(crashed)).as("a write that may still be under way is not removed").isFalse();
            List<String> seen = new ArrayList<>();
            blobs.scan(clock.instant(), seen::add);
            assertThat(seen).containsExactly(done);

            clock.advance(Duration.ofDays(2));
            seen.clear();
            blobs.scan(clock.instant(), id -> {
                seen.add(id);
                assertThat(blobs.delete(id)).isTrue();
            });
            assertThat(seen).containsExactlyInAnyOrder(done, crashed);
            assertThat(chunkRows(tdb)).as("the chunks went with their headers").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void idsTheStoreNeverMadeAreNotFoundWithoutTouchingTheDatabase(Dialect dialect) {
        try (TestDatabase tdb = TestDatabase.create(dialect); BlobStore blobs = open(tdb, Clock.systemUTC())) {
            for (String id : new String[] {"", "x\u0000y", "../etc", "A".repeat(32), "0".repeat(33), "0".repeat(32)}) {
                assertThatThrownBy(() -> blobs.open(id)).as(id).isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
                assertThat(blobs.delete(id)).isFalse();
            }
        }
    }
}
