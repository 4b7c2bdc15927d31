package org.pubky.core.homeserver.limits;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * A byte-rate budget shared by every stream of one key (a user or an IP): a token bucket holding
 * at most {@code burst} bytes, refilled at the rate. Streams take bytes from it and sleep while
 * it is in debt, so traffic is slowed, never refused. Thread-safe.
 */
public final class Throttle {
    private final double bytesPerNano;
    private final double burst;
    private double tokens;
    private long last = System.nanoTime();

    /**
     * @param bytesPerSecond sustained rate
     * @param burstBytes bytes that may pass at once after an idle period
     */
    public Throttle(double bytesPerSecond, long burstBytes) {
        if (bytesPerSecond <= 0 || burstBytes < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.bytesPerNano = bytesPerSecond / 1e9;
        this.burst = burstBytes;
        this.tokens = burstBytes;
    }

    /** Takes {@code bytes} from the budget, sleeping as long as the rate requires. */
    public void acquire(long bytes) throws IOException {
        long wait = reserve(bytes);
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("throttled transfer interrupted");
            }
        }
    }

    /** Debits the bucket (it may go into debt) and returns the nanoseconds until the debt is paid. */
    private synchronized long reserve(long bytes) {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * bytesPerNano);
        last = now;
        tokens -= bytes;
        return tokens >= 0 ? 0 : (long) (-tokens / bytesPerNano);
    }
}
