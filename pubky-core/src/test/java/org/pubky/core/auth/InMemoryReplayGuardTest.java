package org.pubky.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.keys.Keypair;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.time.Timestamp;

final class InMemoryReplayGuardTest {
    private static final PublicKey KEY = Keypair.fromSecret(new byte[32]).publicKey();
    private static final PublicKey OTHER = Keypair.fromSecret(new byte[] {
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}).publicKey();

    @Test
    void secondUseOfTheSamePairIsRefused() {
        InMemoryReplayGuard guard = new InMemoryReplayGuard(Clock.systemUTC());
        Timestamp now = Timestamp.of(Instant.now());
        assertThat(guard.firstUse(now, KEY)).isTrue();
        assertThat(guard.firstUse(now, KEY)).isFalse();
        assertThat(guard.firstUse(now, OTHER)).isTrue();
        assertThat(guard.firstUse(new Timestamp(now.micros() + 1), KEY)).isTrue();
        assertThat(guard.size()).isEqualTo(3);
    }

    @Test
    void entriesOlderThanTwiceTheWindowAreCollected() {
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_800_000_000L));
        InMemoryReplayGuard guard = new InMemoryReplayGuard(clock);
        Timestamp now = Timestamp.of(clock.instant());
        Timestamp old = new Timestamp(now.micros() - 3 * 180_000_000L);
        Timestamp edge = new Timestamp(now.micros() - 2 * 180_000_000L);
        assertThat(guard.firstUse(old, KEY)).isTrue();
        assertThat(guard.firstUse(edge, KEY)).isTrue();
        assertThat(guard.firstUse(now, KEY)).isTrue();
        // The call after inserting the old entry dropped it; the one exactly at the cutoff stays.
        assertThat(guard.size()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(6).plusNanos(1_000));
        assertThat(guard.firstUse(new Timestamp(now.micros() + 360_000_001L), OTHER)).isTrue();
        assertThat(guard.size()).isEqualTo(1);
        // Forgotten pairs could be used again, but the verifier's clock window refuses them first.
        assertThat(guard.firstUse(now, KEY)).isTrue();
    }

    @Test
    @Timeout(30)
    void concurrentUsesOfOnePairLetExactlyOneThrough() throws Exception {
        InMemoryReplayGuard guard = new InMemoryReplayGuard(Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 200; round++) {
                Timestamp ts = new Timestamp(Timestamp.of(Instant.now()).micros() + round);
                List<Callable<Boolean>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    calls.add(() -> guard.firstUse(ts, KEY));
                }
                int winners = 0;
                for (Future<Boolean> f : pool.invokeAll(calls)) {
                    winners += f.get() ? 1 : 0;
                }
                assertThat(winners).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
