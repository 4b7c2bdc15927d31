package org.pubky.dht.mainline;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-IP token buckets for incoming queries: {@code perSecond} sustained, {@code burst} at once.
 * At most {@code maxTracked} IPs are tracked (least recently seen forgotten first, which only
 * ever resets an IP to a full bucket). {@code perSecond <= 0} disables limiting. Thread-safe.
 */
final class RateLimiter {
    private static final long NANOS = 1_000_000_000L;

    private final double perSecond;
    private final double burst;
    private final LinkedHashMap<InetAddress, Bucket> buckets;

    private static final class Bucket {
        double tokens;
        long lastNanos;
    }

    RateLimiter(double perSecond, double burst, int maxTracked) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, Bucket> eldest) {
                return size() > maxTracked;
            }
        };
    }

    /** Takes one token for {@code ip} at {@code nowNanos}; false if its bucket is empty. */
    synchronized boolean allow(InetAddress ip, long nowNanos) {
        if (perSecond <= 0) {
            return true;
        }
        Bucket b = buckets.get(ip);
        if (b == null) {
            b = new Bucket();
            b.tokens = burst;
            buckets.put(ip, b);
        } else {
            double elapsed = (nowNanos - b.lastNanos) / (double) NANOS;
            b.tokens = Math.min(burst, b.tokens + elapsed * perSecond);
        }
        b.lastNanos = nowNanos;
        if (b.tokens < 1) {
            return false;
        }
        b.tokens -= 1;
        return true;
    }
}
