package org.pubky.core.homeserver.limits;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.pubky.core.keys.PublicKey;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * One request-count limit (the reference's {@code [[drive.rate_limits]]} entry).
 *
 * @param path glob matched against the storage path of {@code /storage/…} requests, else the URI path
 * @param method the HTTP method it applies to
 * @param rate the sustained rate
 * @param key what is counted: the client IP or the request's user (tenant)
 * @param burst requests allowed back to back (default: the rate's count)
 * @param whitelist IP literals (for IP keys) or z-base-32 keys (for user keys) that are never limited
 */
public record RateLimitRule(GlobPattern path, String method, RequestRate rate, Key key, Optional<Integer> burst,
        Set<String> whitelist) {
    /** What a rule counts by. */
    public enum Key {
        IP, USER;

        public static Key parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "ip" -> IP;
                case "user" -> USER;
                default -> throw new PubkyException(ErrorCode.MALFORMED_INPUT, "rate limit key must be ip or user, got " + text);
            };
        }
    }

    public RateLimitRule {
        requireNonNull(path, "path is null");
        method = requireNonNull(method, "method is null").toUpperCase(Locale.ROOT);
        requireNonNull(rate, "rate is null");
        requireNonNull(key, "key is null");
        requireNonNull(burst, "burst is null");
        burst.ifPresent(b -> {
            if (b < 1) {
                throw new PubkyException(ErrorCode.MALFORMED_INPUT, "burst must be at least 1");
            }
        });
        whitelist = Set.copyOf(whitelist);
        for (String entry : whitelist) {
            boolean isKey = entry.length() == PublicKey.Z32_LENGTH && tryKey(entry);
            boolean isIp = entry.matches("[0-9.]+") || entry.contains(":");
            if (key == Key.USER ? !isKey : !isIp) {
                throw new PubkyException(ErrorCode.MALFORMED_INPUT,
                        "whitelist entry '" + entry + "' does not fit a rule keyed by " + key.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** Requests allowed back to back. */
    public int effectiveBurst() {
        return burst.orElse((int) Math.min(Integer.MAX_VALUE, rate.requests()));
    }

    /** True if this rule applies to a request. */
    public boolean matches(String requestMethod, String path) {
        return method.equals(requestMethod) && this.path.matches(path);
    }

    private static boolean tryKey(String text) {
        try {
            PublicKey.fromZ32(text);
            return true;
        } catch (PubkyException e) {
            return false;
        }
    }
}
