package org.pubky.core.time;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.pubky.core.encoding.Base32;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Microseconds since the Unix epoch, as the protocol writes time: 8 bytes big-endian on the wire
 * (AuthTokens, PKARR packets, BEP44 {@code seq}) and 13 characters of Crockford base32 in the
 * legacy string form (for example {@code 0032C29SSF87E}).
 *
 * <p>The value is an unsigned 64-bit number in the reference; values above {@link Long#MAX_VALUE}
 * are refused here because BEP44 carries them as signed integers.
 *
 * @param micros microseconds since 1970-01-01T00:00:00Z, never negative
 */
public record Timestamp(long micros) implements Comparable<Timestamp> {
    /** Length of the binary form. */
    public static final int BYTES = 8;
    /** Length of the Crockford base32 form. */
    public static final int STRING_LENGTH = 13;

    public Timestamp {
        if (micros < 0) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "timestamp must not be negative");
        }
    }

    /** The timestamp of an instant, truncated to microseconds. */
    public static Timestamp of(Instant instant) {
        return new Timestamp(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                instant.getNano() / 1_000));
    }

    /** Reads 8 big-endian bytes at {@code offset}. */
    public static Timestamp fromBytes(byte[] bytes, int offset) {
        if (offset < 0 || bytes.length - offset < BYTES) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "timestamp needs 8 bytes");
        }
        return new Timestamp(ByteBuffer.wrap(bytes, offset, BYTES).getLong());
    }

    /** Parses the 13-character Crockford base32 form (case-insensitive). */
    public static Timestamp parse(String text) {
        return fromBytes(Base32.CROCKFORD.decodeCanonical(text, BYTES), 0);
    }

    /** The 8 big-endian bytes. */
    public byte[] toBytes() {
        return ByteBuffer.allocate(BYTES).putLong(micros).array();
    }

    /** Writes the 8 big-endian bytes at {@code offset}. */
    public void writeTo(byte[] target, int offset) {
        ByteBuffer.wrap(target, offset, BYTES).putLong(micros);
    }

    /** The instant, with microsecond precision. */
    public Instant toInstant() {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** Whole seconds since the epoch. */
    public long epochSeconds() {
        return Math.floorDiv(micros, 1_000_000L);
    }

    /** The 13-character Crockford base32 form. */
    @Override
    public String toString() {
        return Base32.CROCKFORD.encode(toBytes());
    }

    @Override
    public int compareTo(Timestamp other) {
        return Long.compare(micros, other.micros);
    }
}
