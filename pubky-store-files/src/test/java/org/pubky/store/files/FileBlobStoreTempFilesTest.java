package org.pubky.store.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pubky.store.files.FileBlobStoreBasicsTest.assertCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.storage.StoredBlob;

final class FileBlobStoreTempFilesTest {
    private static final String TEMP_NAME = "00062f4a3b2c1d-9f03c2e1d4b5a6978877665a.tmp";

    @TempDir
    Path dir;

    @Test
    void staleTempFilesAreDeletedOnOpenAndFreshOnesAndForeignFilesAreKept() throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path stale = Files.writeString(tmp.resolve(TEMP_NAME), "crashed write");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path fresh = Files.writeString(tmp.resolve("00062f4a3b2c1d-000000000000000000000000.tmp"), "write in progress");
        Path foreign = Files.writeString(tmp.resolve("notes.txt"), "not ours");
        Files.setLastModifiedTime(foreign, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        try (FileBlobStore store = FileBlobStore.at(dir)) {
            assertThat(stale).doesNotExist();
            assertThat(fresh).exists();
            assertThat(foreign).exists();
            List<String> seen = new ArrayList<>();
            store.scan(Instant.MAX, seen::add);
            assertThat(seen).isEmpty();
        }
    }

    @Test
    void theGracePeriodIsConfigurableAndMeasuredWithTheStoreClock() throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path temp = Files.writeString(tmp.resolve(TEMP_NAME), "x");
        Files.setLastModifiedTime(temp, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T02:59:00Z"));
        FileBlobStoreConfig config = FileBlobStoreConfig.of(dir).withTempGrace(Duration.ofHours(3));

        try (FileBlobStore store = FileBlobStore.at(config, clock)) {
            assertThat(temp).exists();
            clock.advance(Duration.ofMinutes(2));
            assertThat(store.deleteStaleTempFiles()).isEqualTo(1);
            assertThat(temp).doesNotExist();
            assertThat(store.deleteStaleTempFiles()).isZero();
        }
    }

    @Test
    @Timeout(30)
    void aSecondInstanceOpeningTheDirectoryLeavesAWriteInProgressAlone() throws Exception {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        try (FileBlobStore first = FileBlobStore.at(dir)) {
            CompletableFuture<StoredBlob> writing = CompletableFuture.supplyAsync(
                    () -> first.write(pausing(1 << 20, 1 << 20, halfway, resume)));
            assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(tempFiles()).hasSize(1);

            try (FileBlobStore second = FileBlobStore.at(dir)) {
                assertThat(tempFiles()).hasSize(1);
                assertThat(second.deleteStaleTempFiles()).isZero();
                List<String> seen = new ArrayList<>();
                second.scan(Instant.MAX, seen::add);
                assertThat(seen).as("a write in progress is not a blob").isEmpty();

                resume.countDown();
                StoredBlob blob = writing.get(10, TimeUnit.SECONDS);
                assertThat(blob.length()).isEqualTo(2 << 20);
                TestContent.assertContent(second.open(blob.id()), 8, 0, 2 << 20);
            }
        }
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    @Timeout(30)
    void aWriteWhoseTempFileWasCleanedAsStaleFailsInsteadOfPublishingAnything() throws Exception {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        MutableClock clock = new MutableClock(Instant.now());
        try (FileBlobStore store = FileBlobStore.at(FileBlobStoreConfig.of(dir), clock)) {
            CompletableFuture<StoredBlob> writing = CompletableFuture.supplyAsync(
                    () -> store.write(pausing(1000, 1000, halfway, resume)));
            assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();

            clock.advance(Duration.ofHours(2));
            assertThat(store.deleteStaleTempFiles()).isEqualTo(1);
            resume.countDown();

            assertThat(writing).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(Exception.class)
                    .satisfies(e -> assertCode(e.getCause(), ErrorCode.STORAGE_FAILURE));
            List<String> seen = new ArrayList<>();
            store.scan(Instant.MAX, seen::add);
            assertThat(seen).isEmpty();
        }
    }

    @Test
    void aFailedWriteRemovesItsTempFileAtOnce() {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            IOException broken = new IOException("reset");
            assertThatThrownBy(() -> store.write(FileBlobStoreFailedWriteTest.failing(300_000, broken)))
                    .cause().isSameAs(broken);
            assertThat(tempFiles()).isEmpty();
        }
    }

    private List<Path> tempFiles() {
        try (Stream<Path> files = Files.list(dir.resolve("tmp"))) {
            return files.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Content 8: {@code first} bytes, a pause until {@code resume}, then {@code rest} bytes. */
    private static InputStream pausing(int first, int rest, CountDownLatch halfway, CountDownLatch resume) {
        InputStream gate = new InputStream() {
            @Override
            public int read() {
                return read(new byte[1], 0, 1);
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                halfway.countDown();
                try {
                    resume.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        };
        return new SequenceInputStream(Collections.enumeration(
                List.of(TestContent.stream(8, first), gate, TestContent.stream(8, first, first + rest))));
    }
}
