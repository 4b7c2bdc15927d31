package org.pubky.core.time;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out strictly increasing {@link Timestamp}s, as the reference's timestamp generator does:
 * the low 8 bits carry a random "clock id" chosen at construction, the rest follows the wall
 * clock, and when the clock stalls or steps back the previous value is advanced instead.
 *
 * <p>One instance per runtime (the reference has one per process; we avoid static state so that
 * two servers can share a JVM). Thread-safe and lock-free.
 */
public final class TimestampClock {
    private final Clock clock;
    private final long clockId;
    private final AtomicLong last = new AtomicLong();

    public TimestampClock(Clock clock, int clockId) {
        this.clock = requireNonNull(clock, "clock is null");
        this.clockId = clockId & 0xff;
    }

    /** A clock on the system UTC clock with a random clock id. */
    public static TimestampClock system() {
        return new TimestampClock(Clock.systemUTC(), new SecureRandom().nextInt(256));
    }

    /** A timestamp strictly greater than every one this instance returned before. */
    public Timestamp now() {
        long wall = (Timestamp.of(clock.instant()).micros() & ~0xffL) | clockId;
        long next = last.updateAndGet(previous -> wall > previous ? wall : previous + 1);
        return new Timestamp(next);
    }

    /** The underlying wall clock. */
    public Clock clock() {
        return clock;
    }
}
