package org.pubky.core.homeserver.quota;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * A bandwidth rate such as {@code 10mb/s}: an amount in {@code kb}, {@code mb} or {@code gb}
 * (1 mb = 1024 kb) per {@code s}, {@code m}, {@code h} or {@code d}. Request-count units
 * ({@code r}) are refused here: they belong to request limits.
 *
 * @param amount the number before the unit, at least 1
 * @param unit the size unit
 * @param period the time unit
 */
public record BandwidthRate(long amount, SizeUnit unit, TimeUnitLetter period) {
    private static final Pattern SYNTAX = Pattern.compile("([0-9]{1,12})(kb|mb|gb)/([smhd])");

    public BandwidthRate {
        if (amount < 1) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "rate amount must be at least 1");
        }
    }

    /** Parses {@code <n><kb|mb|gb>/<s|m|h|d>}. */
    public static BandwidthRate parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SYNTAX.matcher(t);
        if (!m.matches()) {
            if (t.matches("[0-9]+r/[smhd]")) {
                throw new PubkyException(ErrorCode.MALFORMED_INPUT,
                        "Invalid rate '" + text + "': a bandwidth rate does not accept request units (r)");
            }
            throw new PubkyException(ErrorCode.MALFORMED_INPUT,
                    "Invalid rate '" + text + "': expected <number><kb|mb|gb>/<s|m|h|d>");
        }
        return new BandwidthRate(Long.parseLong(m.group(1)), SizeUnit.valueOf(m.group(2).toUpperCase(Locale.ROOT)),
                TimeUnitLetter.of(m.group(3).charAt(0)));
    }

    /** Bytes per second (fractional for slow rates). */
    public double bytesPerSecond() {
        return (double) amount * unit.bytes / period.seconds;
    }

    /** Bytes per period. */
    public long bytesPerPeriod() {
        return Math.multiplyExact(amount, unit.bytes);
    }

    @Override
    public String toString() {
        return amount + unit.name().toLowerCase(Locale.ROOT) + "/" + period.letter;
    }

    /** Size units; 1 kb = 1024 bytes. */
    public enum SizeUnit {
        KB(1024L), MB(1024L * 1024), GB(1024L * 1024 * 1024);

        final long bytes;

        SizeUnit(long bytes) {
            this.bytes = bytes;
        }
    }

    /** Time units written as one letter. */
    public enum TimeUnitLetter {
        S('s', 1), M('m', 60), H('h', 3600), D('d', 86_400);

        final char letter;
        final long seconds;

        TimeUnitLetter(char letter, long seconds) {
            this.letter = letter;
            this.seconds = seconds;
        }

        /** The period of a letter. */
        public static TimeUnitLetter of(char letter) {
            for (TimeUnitLetter t : values()) {
                if (t.letter == letter) {
                    return t;
                }
            }
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "unknown time unit " + letter);
        }

        /** Seconds in this period. */
        public long seconds() {
            return seconds;
        }
    }
}
