package org.pubky.core.homeserver.limits;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * A request-count quota such as {@code 10r/m}: at least one request per second, minute, hour or
 * day. Bandwidth units ({@code kb}, {@code mb}) are refused: they belong to bandwidth limits.
 *
 * @param requests requests per period, at least 1
 * @param period the period
 */
public record RequestRate(long requests, Duration period) {
    private static final Pattern SYNTAX = Pattern.compile("([0-9]{1,10})r/([smhd])");

    public RequestRate {
        if (requests < 1) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "a request rate needs at least 1 request");
        }
        if (period.toNanos() / requests < 1) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "request rate too high to schedule");
        }
    }

    /** Parses {@code <n>r/<s|m|h|d>}. */
    public static RequestRate parse(String text) {
        Matcher m = SYNTAX.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT,
                    "Invalid request rate '" + text + "': expected <number>r/<s|m|h|d>");
        }
        Duration period = switch (m.group(2).charAt(0)) {
            case 's' -> Duration.ofSeconds(1);
            case 'm' -> Duration.ofMinutes(1);
            case 'h' -> Duration.ofHours(1);
            default -> Duration.ofDays(1);
        };
        return new RequestRate(Long.parseLong(m.group(1)), period);
    }

    /** Time between two requests at the sustained rate. */
    public Duration interval() {
        return period.dividedBy(requests);
    }

    @Override
    public String toString() {
        String unit = period.equals(Duration.ofSeconds(1)) ? "s" : period.equals(Duration.ofMinutes(1)) ? "m"
                : period.equals(Duration.ofHours(1)) ? "h" : "d";
        return requests + "r/" + unit;
    }
}
