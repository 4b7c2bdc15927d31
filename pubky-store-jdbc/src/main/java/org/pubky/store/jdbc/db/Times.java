package org.pubky.store.jdbc.db;

import java.time.Instant;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Instants are stored as microseconds since the epoch in BIGINT columns: portable across the three
 * databases (no time-zone conversions by drivers), exact to the precision the protocol uses and
 * cheap to compare and index.
 */
public final class Times {
    private Times() {
    }

    /**
     * Microseconds since the epoch, truncating any sub-microsecond part.
     *
     * @throws PubkyException {@link ErrorCode#MALFORMED_INPUT} beyond ±292 000 years
     */
    public static long toMicros(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
        } catch (ArithmeticException e) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "timestamp out of the storable range");
        }
    }

    /** The instant of a stored microsecond count. */
    public static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
}
