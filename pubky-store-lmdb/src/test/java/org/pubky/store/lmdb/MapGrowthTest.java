package org.pubky.store.lmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.ListQuery;
import org.pubky.spi.storage.UnitProbe;

final class MapGrowthTest {
    private static final String U = Fixtures.user(5);

    @TempDir
    Path dir;

    private static String path(int i) {
        return "/pub/grow/" + "p".repeat(300) + "/" + i;
    }

    @Test
    @Timeout(120)
    void theMapGrowsUnderConcurrentReadersAndKeepsEverything() throws Exception {
        int n = 3000;
        try (LmdbMetadataStore store = Fixtures.open(dir, Map.of("map-size", "64k", "sync", "false"), UnitProbe.NONE)) {
            long initial = store.mapSize();
            assertThat(initial).isEqualTo(64 * 1024);
            store.users().create(U, Fixtures.T0, Optional.empty());
            AtomicBoolean done = new AtomicBoolean();
            ExecutorService readers = Executors.newFixedThreadPool(3);
            List<Future<Integer>> reads = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                reads.add(readers.submit(() -> {
                    int rounds = 0;
                    while (!done.get()) {
                        List<String> page = store.entries().list(
                                new ListQuery(U, "/pub/grow/", Optional.empty(), 50, rounds % 2 == 0, false));
                        assertThat(page.size()).isLessThanOrEqualTo(50);
                        store.users().stats();
                        rounds++;
                    }
                    return rounds;
                }));
            }
            for (int i = 0; i < n; i++) {
                store.entries().put(Fixtures.put(U, path(i), i));
            }
            done.set(true);
            for (Future<Integer> f : reads) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isPositive();
            }
            readers.shutdown();
            assertThat(store.mapGrowths()).isGreaterThanOrEqualTo(4);
            assertThat(store.mapSize()).isGreaterThanOrEqualTo(initial * 16);
            assertThat(store.events().lastCursor()).isEqualTo(n);
        }
        try (LmdbMetadataStore store = Fixtures.open(dir, Map.of("map-size", "64k", "sync", "false"), UnitProbe.NONE)) {
            for (int i = 0; i < n; i += 97) {
                assertThat(store.entries().find(U, path(i))).hasValueSatisfying(e -> assertThat(e.path()).isNotEmpty());
            }
            assertThat(store.users().find(U).orElseThrow().usedBytes())
                    .isEqualTo((long) n * (n - 1) / 2 + 256L * n);
        }
    }

    @Test
    void growthStopsAtMaxMapSize() {
        try (LmdbMetadataStore store = Fixtures.open(dir, Map.of("map-size", "64k", "max-map-size", "256k"),
                UnitProbe.NONE)) {
            store.users().create(U, Fixtures.T0, Optional.empty());
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100_000; i++) {
                    store.entries().put(Fixtures.put(U, path(i), 1));
                }
            }).isInstanceOfSatisfying(PubkyException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE);
                assertThat(e.getMessage()).contains("max-map-size");
            });
            assertThat(store.mapSize()).isEqualTo(256 * 1024);
            // still readable and the failed unit left nothing behind
            long last = store.events().lastCursor();
            assertThat(store.entries().find(U, path((int) last - 1))).isPresent();
            assertThat(store.entries().find(U, path((int) last))).isEmpty();
        }
    }
}
