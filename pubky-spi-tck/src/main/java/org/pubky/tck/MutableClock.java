package org.pubky.tck;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it, so every timestamp a store takes from the
 * {@link org.pubky.spi.ProviderContext} clock is predictable. Thread-safe.
 *
 * <p>Instants are kept at microsecond precision: the kit expects every {@link Instant} it hands a
 * store back unchanged, and microseconds are what every backend (PostgreSQL, H2, LMDB) keeps.
 */
public final class MutableClock extends Clock {
    /** Where every kit clock starts: a fixed instant with a non-zero microsecond part. */
    public static final Instant START = Instant.parse("2026-03-01T12:00:00.123456Z");

    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(requireNonNull(start, "start is null").truncatedTo(ChronoUnit.MICROS));
    }

    /** A clock at {@link #START}. */
    public MutableClock() {
        this(START);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock forward (or back, for a negative amount) and returns the new instant. */
    public Instant advance(Duration amount) {
        requireNonNull(amount, "amount is null");
        return now.updateAndGet(t -> t.plus(amount).truncatedTo(ChronoUnit.MICROS));
    }

    /** Moves the clock forward by one microsecond and returns the new instant. */
    public Instant tick() {
        return advance(Duration.ofNanos(1_000));
    }

    /** Sets the clock. */
    public void set(Instant instant) {
        now.set(requireNonNull(instant, "instant is null").truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Always UTC; the kit never needs another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
