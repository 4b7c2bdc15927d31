package org.pubky.core.homeserver.limits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.pubky.core.config.PubkyConfig;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Request-count rules from configuration, the flat form of the reference's
 * {@code [[drive.rate_limits]]}:
 *
 * <pre>
 * pubky.rate-limits.1.path=/session
 * pubky.rate-limits.1.method=POST
 * pubky.rate-limits.1.quota=20r/m
 * pubky.rate-limits.1.key=ip
 * pubky.rate-limits.1.burst=5
 * pubky.rate-limits.1.whitelist=127.0.0.1
 * </pre>
 *
 * Rules are applied in the order of their indexes. Without any such key the reference default
 * applies ({@code GET /signup_tokens/*} at 10 r/m per IP); {@code pubky.rate-limits=none} turns
 * every rule off.
 */
public final class RateLimitConfig {
    private static final String PREFIX = "pubky.rate-limits.";

    private RateLimitConfig() {
    }

    /** The reference's default rule. */
    public static List<RateLimitRule> defaults() {
        return List.of(new RateLimitRule(GlobPattern.compile("/signup_tokens/*"), "GET", RequestRate.parse("10r/m"),
                RateLimitRule.Key.IP, Optional.empty(), Set.of()));
    }

    public static List<RateLimitRule> from(PubkyConfig config) {
        if (config.get("pubky.rate-limits").filter("none"::equals).isPresent()) {
            return List.of();
        }
        Map<String, String> keys = config.subset(PREFIX);
        if (keys.isEmpty()) {
            return defaults();
        }
        Set<Integer> indexes = new TreeSet<>();
        for (String key : keys.keySet()) {
            int dot = key.indexOf('.');
            try {
                indexes.add(Integer.parseInt(dot < 0 ? key : key.substring(0, dot)));
            } catch (NumberFormatException e) {
                throw new PubkyException(ErrorCode.MALFORMED_INPUT, "rate limit keys look like " + PREFIX + "<n>.<field>: " + key);
            }
        }
        List<RateLimitRule> rules = new ArrayList<>();
        for (int i : indexes) {
            String p = PREFIX + i + ".";
            rules.add(new RateLimitRule(
                    GlobPattern.compile(require(config, p + "path")),
                    require(config, p + "method"),
                    RequestRate.parse(require(config, p + "quota")),
                    RateLimitRule.Key.parse(config.get(p + "key", "ip")),
                    config.get(p + "burst").map(b -> config.getInt(p + "burst", 1)),
                    config.get(p + "whitelist").map(w -> Arrays.stream(w.split(",")).map(String::strip)
                            .filter(s -> !s.isEmpty()).collect(Collectors.toSet())).orElse(Set.of())));
        }
        return rules;
    }

    private static String require(PubkyConfig config, String key) {
        return config.get(key).orElseThrow(() -> new PubkyException(ErrorCode.MALFORMED_INPUT, "missing configuration key " + key));
    }
}
