package org.pubky.store.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.storage.StoredBlob;

final class FileBlobStoreConcurrencyTest {
    private static final int THREADS = 8;
    private static final int WRITES_PER_THREAD = 40;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void concurrentWritersOnTwoInstancesOfOneDirectoryGetDistinctIntactBlobs() throws Exception {
        FileBlobStoreConfig config = FileBlobStoreConfig.of(dir);
        Map<String, Long> seedById = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (FileBlobStore a = FileBlobStore.at(config, Clock.systemUTC());
                FileBlobStore b = FileBlobStore.at(config, Clock.systemUTC())) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                FileBlobStore store = t % 2 == 0 ? a : b;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < WRITES_PER_THREAD; i++) {
                        long seed = thread * 1000L + i;
                        StoredBlob blob = store.write(TestContent.stream(seed, length(seed)));
                        assertThat(blob.length()).isEqualTo(length(seed));
                        assertThat(seedById.put(blob.id(), seed)).as("duplicate id").isNull();
                        // read back at once through the other instance, while others keep writing
                        TestContent.assertContent((store == a ? b : a).open(blob.id()), seed, 0, length(seed));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(100, TimeUnit.SECONDS);
            }

            assertThat(seedById).hasSize(THREADS * WRITES_PER_THREAD);
            List<String> scannedA = new ArrayList<>();
            a.scan(Instant.MAX, scannedA::add);
            List<String> scannedB = new ArrayList<>();
            b.scan(Instant.MAX, scannedB::add);
            assertThat(scannedA).containsExactlyInAnyOrderElementsOf(seedById.keySet());
            assertThat(scannedB).containsExactlyInAnyOrderElementsOf(seedById.keySet());
            seedById.forEach((id, seed) -> TestContent.assertContent(a.open(id), seed, 0, length(seed)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(120)
    void concurrentReadersDeletersAndScannersDoNotDisturbEachOther() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (FileBlobStore store = FileBlobStore.at(FileBlobStoreConfig.of(dir).withFsync(false), Clock.systemUTC())) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ids.add(store.write(TestContent.stream(i, length(i))).id());
            }
            Map<String, Boolean> deletedOnce = new ConcurrentHashMap<>();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    // every thread tries to delete every blob: each is deleted exactly once
                    for (String id : ids) {
                        if (store.delete(id)) {
                            assertThat(deletedOnce.put(id, true)).isNull();
                        }
                    }
                    store.scan(Instant.MAX, id -> { });
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(100, TimeUnit.SECONDS);
            }
            assertThat(deletedOnce).hasSize(200);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long length(long seed) {
        return (seed * 7919) % 150_000;
    }
}
