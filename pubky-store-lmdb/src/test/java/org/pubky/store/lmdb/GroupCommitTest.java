package org.pubky.store.lmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventQuery;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.StoredBlob;
import org.pubky.spi.storage.UnitProbe;

final class GroupCommitTest {
    private static final String U = Fixtures.user(8);

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void queuedUnitsShareOneCommitAndAFailingUnitFailsAlone() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        AtomicBoolean holdFirst = new AtomicBoolean(false);
        AtomicReference<LmdbMetadataStore> ref = new AtomicReference<>();
        UnitProbe probe = point -> {
            if (point.equals(UnitProbe.ENTRY_WRITTEN) && holdFirst.compareAndSet(true, false)) {
                firstInside.countDown();
                // hold the writer until six more units wait in the queue
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (ref.get().environment().queued() < 6 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            }
        };
        try (LmdbMetadataStore store = Fixtures.open(dir, Map.of(), probe)) {
            ref.set(store);
            store.users().create(U, Fixtures.T0, Optional.empty());
            store.entries().put(Fixtures.put(U, "/pub/file", 1));
            long commitsBefore = store.commits();
            ExecutorService pool = Executors.newFixedThreadPool(7);
            List<Future<Object>> results = new ArrayList<>();
            holdFirst.set(true);
            results.add(pool.submit(() -> store.entries().put(Fixtures.put(U, "/pub/first", 1))));
            assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 6; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    try {
                        if (n == 2) { // collides with the file: must fail alone inside the batch
                            return store.entries().put(Fixtures.put(U, "/pub/file/below", 1));
                        }
                        if (n == 4) { // over quota: also fails alone
                            return store.entries().put(new PutUnit(U, "/pub/big", new StoredBlob("big", 10_000),
                                    Fixtures.hash(1), "t", Fixtures.T0, 5_000, true));
                        }
                        return store.entries().put(Fixtures.put(U, "/pub/batch/" + n, 1));
                    } catch (PubkyException e) {
                        return e.code();
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : results) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(outcomes.get(3)).isEqualTo(ErrorCode.CONFLICT);
            assertThat(outcomes.get(5)).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
            assertThat(store.commits() - commitsBefore).isEqualTo(2);
            for (int n : new int[] {0, 1, 3, 5}) {
                assertThat(store.entries().find(U, "/pub/batch/" + n)).isPresent();
            }
            assertThat(store.entries().find(U, "/pub/file/below")).isEmpty();
            assertThat(store.entries().find(U, "/pub/big")).isEmpty();
            List<Event> events = store.events().read(new EventQuery(Map.of(), 0, List.of(), 100, false));
            assertThat(events).hasSize(6).extracting(Event::cursor).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(store.users().find(U).orElseThrow().usedBytes()).isEqualTo(6 * 257);
        }
    }
}
