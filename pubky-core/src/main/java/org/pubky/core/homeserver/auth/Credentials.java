package org.pubky.core.homeserver.auth;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * The credentials a request presented, before they are checked.
 *
 * @param authorization the {@code Authorization} header, if any
 * @param cookies the request's cookies by name (first value of each name)
 */
public record Credentials(Optional<String> authorization, Map<String, String> cookies) {
    /** The scheme prefix of a bearer header (case-sensitive, as the reference matches it). */
    public static final String BEARER_PREFIX = "Bearer ";

    public Credentials {
        requireNonNull(authorization, "authorization is null");
        cookies = Map.copyOf(requireNonNull(cookies, "cookies is null"));
    }

    /** No credentials at all. */
    public static Credentials none() {
        return new Credentials(Optional.empty(), Map.of());
    }

    /**
     * True if the request presented a bearer scheme at all, even an unusable token: on the events
     * stream such a request never falls back to its cookie.
     */
    public boolean presentsBearer() {
        return authorization.filter(h -> h.startsWith(BEARER_PREFIX) || h.equals("Bearer")).isPresent();
    }

    /** The token text after {@code Bearer }, if the header has that scheme. */
    public Optional<String> bearerToken() {
        return authorization.filter(h -> h.startsWith(BEARER_PREFIX)).map(h -> h.substring(BEARER_PREFIX.length()));
    }
}
