package org.pubky.core.homeserver.limits;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * A byte-rate budget shared by every stream of one key (a user or an IP): streams take bytes
 * from it and sleep when it is empty, so traffic is slowed, never refused. Thread-safe.
 */
public final class Throttle {
    private final double nanosPerByte;
    private final long burstBytes;
    private long theoreticalArrival;

    /**
     * @param bytesPerSecond sustained rate
     * @param burstBytes bytes that may pass at once after an idle period
     */
    public Throttle(double bytesPerSecond, long burstBytes) {
        if (bytesPerSecond <= 0 || burstBytes < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.nanosPerByte = 1e9 / bytesPerSecond;
        this.burstBytes = burstBytes;
    }

    /** Takes {@code bytes} from the budget, sleeping as long as the rate requires. */
    public void acquire(long bytes) throws IOException {
        long remaining = bytes;
        while (remaining > 0) {
            long chunk = Math.min(remaining, burstBytes);
            long wait = reserve(chunk);
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("throttled transfer interrupted");
                }
            }
            remaining -= chunk;
        }
    }

    private synchronized long reserve(long bytes) {
        long now = System.nanoTime();
        long tolerance = (long) (nanosPerByte * burstBytes);
        long start = Math.max(theoreticalArrival, now - tolerance);
        theoreticalArrival = start + (long) (nanosPerByte * bytes);
        return Math.max(0, theoreticalArrival - now - tolerance);
    }
}
