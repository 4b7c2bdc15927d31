package org.pubky.store.lmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventLog;
import org.pubky.spi.storage.EventQuery;

final class LmdbEventLogTest {
    private static final String A = Fixtures.user(1);
    private static final String B = Fixtures.user(2);

    @TempDir
    Path dir;

    private static List<Long> cursors(List<Event> events) {
        return events.stream().map(Event::cursor).toList();
    }

    @Test
    void readsByCursorPerUserReverseAndPathAcrossRestarts() {
        try (LmdbMetadataStore store = Fixtures.open(dir)) {
            store.users().create(A, Fixtures.T0, Optional.empty());
            store.users().create(B, Fixtures.T0, Optional.empty());
            store.entries().put(Fixtures.put(A, "/pub/a/1", 1)); // 1
            store.entries().put(Fixtures.put(B, "/pub/b/1", 1)); // 2
            store.entries().put(Fixtures.put(A, "/priv/x", 1)); // 3
            store.entries().delete(A, "/pub/a/1", Fixtures.T0); // 4
        }
        try (LmdbMetadataStore store = Fixtures.open(dir)) {
            EventLog log = store.events();
            assertThat(log.lastCursor()).isEqualTo(4);
            store.entries().put(Fixtures.put(B, "/pub/b/2", 1)); // 5: the counter survived the restart
            assertThat(cursors(log.read(new EventQuery(Map.of(), 0, List.of(), 100, false))))
                    .containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(cursors(log.read(new EventQuery(Map.of(), 2, List.of(), 2, false)))).containsExactly(3L, 4L);
            assertThat(cursors(log.read(new EventQuery(Map.of(), 0, List.of(), 2, true)))).containsExactly(5L, 4L);
            assertThat(cursors(log.read(new EventQuery(Map.of(), 3, List.of(), 10, true)))).containsExactly(2L, 1L);
            assertThat(cursors(log.read(new EventQuery(Map.of(), 0, List.of("/pub/"), 10, false))))
                    .containsExactly(1L, 2L, 4L, 5L);
            assertThat(cursors(log.read(new EventQuery(Map.of(), 0, List.of("/priv/x", "/pub/b/2"), 10, false))))
                    .containsExactly(3L, 5L);
            assertThat(cursors(log.read(new EventQuery(Map.of(A, 0L, B, 0L), 0, List.of(), 10, false))))
                    .containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(cursors(log.read(new EventQuery(Map.of(A, 3L, B, 1L), 0, List.of(), 10, false))))
                    .containsExactly(2L, 4L, 5L);
            assertThat(cursors(log.read(new EventQuery(Map.of(A, 0L, B, 5L), 0, List.of(), 10, true))))
                    .containsExactly(4L, 3L, 2L, 1L);
            assertThat(cursors(log.read(new EventQuery(Map.of(A, 0L), 0, List.of("/pub/"), 1, false))))
                    .containsExactly(1L);
            assertThat(log.read(new EventQuery(Map.of(Fixtures.user(77), 0L), 0, List.of(), 10, false))).isEmpty();
            Event first = log.read(new EventQuery(Map.of(), 0, List.of(), 1, false)).get(0);
            assertThat(first.user()).isEqualTo(A);
            assertThat(first.path()).isEqualTo("/pub/a/1");
            assertThat(first.contentHash()).isPresent();
        }
    }

    @Test
    @Timeout(30)
    void subscribersAreWokenAfterCommitOffTheWriterThread() throws Exception {
        try (LmdbMetadataStore store = Fixtures.open(dir)) {
            store.users().create(A, Fixtures.T0, Optional.empty());
            Semaphore calls = new Semaphore(0);
            AtomicReference<Thread> listenerThread = new AtomicReference<>();
            AtomicInteger seen = new AtomicInteger();
            EventLog.Subscription sub = store.events().subscribe(() -> {
                listenerThread.set(Thread.currentThread());
                // what the listener reads is already committed
                seen.set((int) store.events().lastCursor());
                calls.release();
            });
            store.entries().put(Fixtures.put(A, "/pub/1", 1));
            assertThat(calls.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            assertThat(listenerThread.get()).isNotEqualTo(Thread.currentThread());
            assertThat(seen.get()).isGreaterThanOrEqualTo(1);
            for (int i = 0; i < 50; i++) {
                store.entries().put(Fixtures.put(A, "/pub/many/" + i, 1));
            }
            assertThat(calls.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.get() < 51 && System.nanoTime() < deadline) {
                calls.tryAcquire(100, TimeUnit.MILLISECONDS);
            }
            assertThat(seen.get()).isEqualTo(51);
            sub.close();
            sub.close();
            calls.drainPermits();
            store.entries().put(Fixtures.put(A, "/pub/after", 1));
            assertThat(calls.tryAcquire(300, TimeUnit.MILLISECONDS)).isFalse();
        }
    }
}
