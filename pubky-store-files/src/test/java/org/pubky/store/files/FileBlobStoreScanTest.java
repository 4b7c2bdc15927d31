package org.pubky.store.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FileBlobStoreScanTest {
    private static final Instant T0 = Instant.parse("2026-02-03T04:05:06.000007Z");

    @TempDir
    Path dir;

    @Test
    void scanVisitsExactlyTheBlobsCreatedBeforeTheInstant() {
        MutableClock clock = new MutableClock(T0);
        try (FileBlobStore store = FileBlobStore.at(FileBlobStoreConfig.of(dir), clock)) {
            String first = store.write(TestContent.stream(1, 10)).id();
            clock.advance(Duration.ofSeconds(1));
            String second = store.write(TestContent.stream(2, 10)).id();
            clock.advance(Duration.ofNanos(1000));
            String third = store.write(TestContent.stream(3, 10)).id();

            assertThat(scan(store, T0)).isEmpty();
            assertThat(scan(store, T0.plusNanos(1))).containsExactly(first);
            assertThat(scan(store, T0.plusSeconds(1))).containsExactly(first);
            assertThat(scan(store, T0.plusSeconds(1).plusNanos(1))).containsExactlyInAnyOrder(first, second);
            assertThat(scan(store, T0.plusSeconds(1).plusNanos(1000))).containsExactlyInAnyOrder(first, second);
            assertThat(scan(store, T0.plusSeconds(1).plusNanos(1001))).containsExactlyInAnyOrder(first, second, third);
            assertThat(scan(store, Instant.MAX)).containsExactlyInAnyOrder(first, second, third);
            assertThat(scan(store, Instant.MIN)).isEmpty();
        }
    }

    @Test
    void theCreationTimeIsWhenTheWriteCompletesNotWhenItStarted() {
        MutableClock clock = new MutableClock(T0);
        try (FileBlobStore store = FileBlobStore.at(FileBlobStoreConfig.of(dir), clock)) {
            // the clock moves while the upload streams: the blob is visible only from the end
            var slow = new java.io.FilterInputStream(TestContent.stream(4, 1000)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    clock.advance(Duration.ofMinutes(10));
                    return super.read(b, off, len);
                }
            };
            String id = store.write(slow).id();
            Instant completed = clock.instant();
            assertThat(scan(store, completed.minusNanos(1000))).isEmpty();
            assertThat(scan(store, completed.plusNanos(1000))).containsExactly(id);
        }
    }

    @Test
    void scanSkipsWhatIsNotABlobOfThisStore() throws IOException {
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            String id = store.write(TestContent.stream(5, 10)).id();
            Path leaf = dir.resolve(id.substring(15, 17)).resolve(id.substring(17, 19));
            Files.writeString(leaf.resolve("README"), "x");
            Files.writeString(leaf.resolve(id + ".tmp"), "x");
            Files.writeString(leaf.resolve(id.toUpperCase()), "x");
            Files.createDirectories(dir.resolve("zz/00"));
            Files.writeString(dir.resolve("zz/00").resolve(id.replace('-', '0').substring(1) + "-"), "x");
            Files.createDirectories(dir.resolve("lost+found"));
            Files.writeString(dir.resolve(id), "a copy in the wrong place");

            assertThat(scan(store, Instant.MAX)).containsExactly(id);
        }
    }

    @Test
    void theVisitorMayDeleteWhatItIsShownAndExceptionsFromItPropagate() {
        try (FileBlobStore store = FileBlobStore.at(FileBlobStoreConfig.of(dir).withFsync(false), java.time.Clock.systemUTC())) {
            Set<String> written = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 500; i++) {
                written.add(store.write(TestContent.stream(i, 1)).id());
            }
            List<String> deleted = new ArrayList<>();
            store.scan(Instant.MAX, id -> {
                assertThat(store.delete(id)).isTrue();
                deleted.add(id);
            });
            assertThat(deleted).hasSize(500).containsExactlyInAnyOrderElementsOf(written);
            assertThat(scan(store, Instant.MAX)).isEmpty();

            String survivor = store.write(TestContent.stream(9, 1)).id();
            IllegalStateException stop = new IllegalStateException("stop");
            assertThatThrownBy(() -> store.scan(Instant.MAX, id -> {
                throw stop;
            })).isSameAs(stop);
            assertThat(scan(store, Instant.MAX)).containsExactly(survivor);
        }
    }

    private static List<String> scan(FileBlobStore store, Instant createdBefore) {
        List<String> seen = new ArrayList<>();
        store.scan(createdBefore, seen::add);
        return seen;
    }
}
