package org.pubky.core.auth;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Comparator;
import java.util.TreeSet;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.time.Timestamp;

/**
 * A per-process {@link ReplayGuard}, like the reference's: a set sorted by timestamp then key,
 * from which every call first drops the entries older than twice the clock window. Memory is
 * bounded by the number of tokens accepted within that window.
 *
 * <p>Thread-safe: calls are serialised on the instance. Not shared between processes; a cluster
 * needs a guard backed by its shared store.
 */
public final class InMemoryReplayGuard implements ReplayGuard {
    private static final long RETENTION_MICROS = 2 * AuthTokenVerifier.WINDOW.toNanos() / 1_000;
    private static final Comparator<Entry> ORDER =
            Comparator.comparing(Entry::timestamp)
                    .thenComparing(Entry::publicKey, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Clock clock;
    private final TreeSet<Entry> seen = new TreeSet<>(ORDER);

    public InMemoryReplayGuard(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public boolean firstUse(Timestamp timestamp, PublicKey publicKey) {
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(publicKey, "publicKey is null");
        long cutoff = Timestamp.of(clock.instant()).micros() - RETENTION_MICROS;
        synchronized (seen) {
            if (cutoff > 0) {
                // A null key sorts first, so this drops exactly the entries older than the cutoff.
                seen.headSet(new Entry(new Timestamp(cutoff), null), false).clear();
            }
            return seen.add(new Entry(timestamp, publicKey));
        }
    }

    /** Number of remembered tokens; for tests and metrics. */
    public int size() {
        synchronized (seen) {
            return seen.size();
        }
    }

    private record Entry(Timestamp timestamp, PublicKey publicKey) {
    }
}
