package org.pubky.core.homeserver.events;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the event service runs its streams.
 *
 * @param keepAlive idle time after which a stream gets a keep-alive comment (15 s, as the
 *     reference's default)
 * @param credentialCheck how often an open private stream re-checks that its cookie session or
 *     grant is still valid (2 s: a sign-out or revocation closes it within about 3 s)
 * @param poll how often the live fan-out also looks for new events on its own, covering stores
 *     without cross-instance notifications and lost notifications (1 s)
 * @param maxPending events queued for one live stream beyond which, at the next delivery, it counts as too slow and is
 *     closed (1000, the reference's broadcast capacity)
 * @param workers threads that read the store and write to clients for all streams
 */
public record EventStreamSettings(Duration keepAlive, Duration credentialCheck, Duration poll, int maxPending,
        int workers) {
    public EventStreamSettings {
        positive(keepAlive, "keepAlive");
        positive(credentialCheck, "credentialCheck");
        positive(poll, "poll");
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be positive");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be positive");
        }
    }

    /** The defaults above, with 16 workers. */
    public static EventStreamSettings defaults() {
        return new EventStreamSettings(Duration.ofSeconds(15), Duration.ofSeconds(2), Duration.ofSeconds(1), 1000, 16);
    }

    /** A copy with another keep-alive interval. */
    public EventStreamSettings withKeepAlive(Duration interval) {
        return new EventStreamSettings(interval, credentialCheck, poll, maxPending, workers);
    }

    /** A copy with another pending-queue bound. */
    public EventStreamSettings withMaxPending(int max) {
        return new EventStreamSettings(keepAlive, credentialCheck, poll, max, workers);
    }

    private static void positive(Duration d, String name) {
        requireNonNull(d, name + " is null");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
