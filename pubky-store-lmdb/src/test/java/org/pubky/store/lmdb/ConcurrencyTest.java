package org.pubky.store.lmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.EventQuery;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.ListQuery;
import org.pubky.spi.storage.QuotaOverrides;
import org.pubky.spi.storage.SignupTokenRecord;

@Timeout(120)
final class ConcurrencyTest {
    private static final int THREADS = 8;

    @TempDir
    Path dir;
    private LmdbMetadataStore store;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        store = Fixtures.open(dir);
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        store.close();
    }

    /** Runs {@code task} on every thread at once and returns what each returned or threw. */
    private List<Object> race(Callable<Object> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    return task.call();
                } catch (PubkyException e) {
                    return e.code();
                }
            }));
        }
        start.countDown();
        List<Object> out = new ArrayList<>();
        for (Future<Object> f : futures) {
            out.add(f.get(60, TimeUnit.SECONDS));
        }
        return out;
    }

    @Test
    void aTokenIsConsumedOnceAndAUserCreatedOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            String token = String.format("AAAA-BBBB-%04d", round);
            store.signupTokens().create(SignupTokenRecord.unused(token, Fixtures.T0, QuotaOverrides.NONE));
            List<String> users = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                users.add(Fixtures.user(1000L * round + i));
            }
            int[] next = {0};
            List<Object> results = race(() -> {
                String user;
                synchronized (next) {
                    user = users.get(next[0]++);
                }
                return store.users().create(user, Fixtures.T0, Optional.of(token));
            });
            assertThat(results.stream().filter(r -> !(r instanceof ErrorCode))).hasSize(1);
            assertThat(results.stream().filter(r -> r == ErrorCode.UNAUTHORIZED)).hasSize(THREADS - 1);
        }
        assertThat(store.users().stats().users()).isEqualTo(20);
        assertThat(store.signupTokens().count(org.pubky.spi.storage.SignupTokenState.USED)).isEqualTo(20);

        String same = Fixtures.user(-1);
        List<Object> results = race(() -> store.users().create(same, Fixtures.T0, Optional.empty()));
        assertThat(results.stream().filter(r -> r == ErrorCode.CONFLICT)).hasSize(THREADS - 1);
    }

    @Test
    void collidingWritesAndDeletesHaveExactlyOneWinner() throws Exception {
        String u = Fixtures.user(1);
        store.users().create(u, Fixtures.T0, Optional.empty());
        for (int round = 0; round < 20; round++) {
            String base = "/pub/r" + round;
            int[] next = {0};
            List<Object> results = race(() -> {
                int i;
                synchronized (next) {
                    i = next[0]++;
                }
                // half write the file, half write below it as a directory
                String path = i % 2 == 0 ? base : base + "/child" + i;
                return store.entries().put(Fixtures.put(u, path, 1));
            });
            // whichever side commits first, the other side's writes all fail (overwrites of the file succeed)
            long wins = results.stream().filter(r -> !(r instanceof ErrorCode)).count();
            boolean fileWon = store.entries().find(u, base).isPresent();
            assertThat(wins).isEqualTo(THREADS / 2);
            assertThat(results.stream().filter(r -> r == ErrorCode.CONFLICT)).hasSize(THREADS / 2);
            assertThat(store.entries().directoryExists(u, base + "/")).isEqualTo(!fileWon);
        }
        store.entries().put(Fixtures.put(u, "/pub/del", 1));
        List<Object> deletes = race(() -> store.entries().delete(u, "/pub/del", Fixtures.T0));
        assertThat(deletes.stream().filter(r -> r == ErrorCode.NOT_FOUND)).hasSize(THREADS - 1);
        assertThat(store.replays().firstUse("nonce:x", Fixtures.T0)).isTrue();
        List<Object> replays = race(() -> store.replays().firstUse("nonce:y", Fixtures.T0));
        assertThat(replays.stream().filter(Boolean.TRUE::equals)).hasSize(1);
    }

    @Test
    void readersSeeConsistentSnapshotsWhileWritersRun() throws Exception {
        String u = Fixtures.user(2);
        store.users().create(u, Fixtures.T0, Optional.empty());
        int perWriter = 300;
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            work.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    store.entries().put(Fixtures.put(u, "/pub/w" + writer + "/" + i, 10));
                }
                return null;
            }));
        }
        for (int r = 0; r < 4; r++) {
            work.add(pool.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    // usage and listing are read in separate snapshots; each snapshot must be whole
                    long used = store.users().find(u).orElseThrow().usedBytes();
                    assertThat(used % 266).isZero();
                    List<Event> events = store.events().read(new EventQuery(java.util.Map.of(), 0, List.of(), 1000,
                            false));
                    for (int k = 1; k < events.size(); k++) {
                        assertThat(events.get(k).cursor()).isGreaterThan(events.get(k - 1).cursor());
                    }
                    store.entries().list(new ListQuery(u, "/pub/", Optional.empty(), 20, i % 2 == 0, i % 3 == 0));
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get(100, TimeUnit.SECONDS);
        }
        assertThat(store.users().find(u).orElseThrow().usedBytes()).isEqualTo(4L * perWriter * 266);
        assertThat(store.events().lastCursor()).isEqualTo(4L * perWriter);
        assertThat(store.entries().list(new ListQuery(u, "/pub/", Optional.empty(), 10, false, true)))
                .containsExactly("/pub/w0/", "/pub/w1/", "/pub/w2/", "/pub/w3/");
    }

    @Test
    void manyMoreReaderThreadsThanReaderSlotsWaitInsteadOfFailing() throws Exception {
        try (LmdbMetadataStore small = Fixtures.open(dir.resolve("small"), java.util.Map.of("max-readers", "2"),
                org.pubky.spi.storage.UnitProbe.NONE)) {
            String u = Fixtures.user(3);
            small.users().create(u, Fixtures.T0, Optional.empty());
            List<Object> results = race(() -> {
                for (int i = 0; i < 200; i++) {
                    small.users().find(u).orElseThrow();
                }
                return "ok";
            });
            assertThat(results).containsOnly("ok");
        }
    }
}
