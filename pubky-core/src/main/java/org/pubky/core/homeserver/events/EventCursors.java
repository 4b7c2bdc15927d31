package org.pubky.core.homeserver.events;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.pubky.core.time.Timestamp;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventLog;
import org.pubky.spi.storage.EventQuery;

/**
 * Resolves cursor text to an event id, as the reference's {@code parse_cursor}: an unsigned
 * 64-bit decimal id (values above {@link Long#MAX_VALUE} are clamped to it: nothing comes after
 * them),
 * else a legacy 13-character Crockford timestamp, which names the event created at exactly that
 * microsecond.
 *
 * <p>The storage SPI has no index on creation time, so the legacy form is found with a bounded
 * search that relies on ids being committed in time order: a binary search over ids for the first
 * event created at or after the instant (one single-event read per step, at most 64 steps), then a
 * window of {@value #WINDOW} events either side of it for an exact match, which tolerates clocks
 * that stepped back slightly. Of several events created in the same microsecond the lowest id
 * wins. Thread-safe.
 */
final class EventCursors {
    /** Events read either side of the binary search's answer when looking for an exact match. */
    static final int WINDOW = 64;

    private final EventLog log;

    EventCursors(EventLog log) {
        this.log = requireNonNull(log, "log is null");
    }

    /** The id the text names, or empty if it is neither form or no event has that timestamp. */
    OptionalLong resolve(String text) {
        long id = QueryValues.unsigned(text, Long.MAX_VALUE);
        if (id >= 0) {
            return OptionalLong.of(id);
        }
        if (isUnsignedDecimal(text) && fitsU64(text)) {
            return OptionalLong.of(Long.MAX_VALUE);
        }
        if (text.length() != Timestamp.STRING_LENGTH) {
            return OptionalLong.empty();
        }
        Timestamp timestamp;
        try {
            timestamp = Timestamp.parse(text);
        } catch (PubkyException e) {
            return OptionalLong.empty();
        }
        return createdAt(timestamp.micros());
    }

    /** The lowest id of an event created in microsecond {@code micros}, found as described above. */
    OptionalLong createdAt(long micros) {
        long low = 0;
        long high = log.lastCursor();
        while (low < high) {
            long mid = low + (high - low) / 2;
            List<Event> probe = log.read(new EventQuery(Map.of(), mid, List.of(), 1, false));
            if (probe.isEmpty() || micros(probe.get(0)) >= micros) {
                high = mid;
            } else {
                low = probe.get(0).cursor();
            }
        }
        long best = Long.MAX_VALUE;
        for (Event e : log.read(new EventQuery(Map.of(), low, List.of(), WINDOW, false))) {
            if (micros(e) == micros) {
                best = Math.min(best, e.cursor());
            }
        }
        if (low > 0) {
            for (Event e : log.read(new EventQuery(Map.of(), low + 1, List.of(), WINDOW, true))) {
                if (micros(e) == micros) {
                    best = Math.min(best, e.cursor());
                }
            }
        }
        return best == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(best);
    }

    private static long micros(Event e) {
        return Timestamp.of(e.createdAt()).micros();
    }

    private static boolean fitsU64(String text) {
        try {
            Long.parseUnsignedLong(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isUnsignedDecimal(String text) {
        int start = text.startsWith("+") ? 1 : 0;
        if (start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
