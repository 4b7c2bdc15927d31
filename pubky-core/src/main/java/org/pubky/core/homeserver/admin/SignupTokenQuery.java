package org.pubky.core.homeserver.admin;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pubky.core.auth.SignupToken;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.SignupTokenState;

/**
 * The query of {@code GET /signup_tokens}: {@code limit} (1 … 65535, default 100, served at most
 * 1000), {@code cursor} (a token; listing starts strictly after it) and {@code state}
 * ({@code all}, {@code used} or {@code unused}; default {@code all}).
 *
 * @param limit how many tokens to return, already capped
 * @param cursor the token to start after
 * @param state which tokens to include
 */
public record SignupTokenQuery(int limit, Optional<String> cursor, SignupTokenState state) {
    /** Page size when {@code limit} is absent. */
    public static final int DEFAULT_LIMIT = 100;
    /** Largest page served, whatever {@code limit} asks for. */
    public static final int MAX_LIMIT = 1000;

    public SignupTokenQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in [1, " + MAX_LIMIT + "]");
        }
        requireNonNull(cursor, "cursor is null");
        requireNonNull(state, "state is null");
    }

    /**
     * Reads the decoded query parameters (unknown ones are ignored).
     *
     * @throws PubkyException {@code MALFORMED_INPUT} (400) for a bad value or a repeated parameter
     */
    public static SignupTokenQuery parse(Map<String, List<String>> params) {
        Optional<String> limitText = single(params, "limit");
        Optional<String> cursor = single(params, "cursor");
        Optional<String> stateText = single(params, "state");
        int limit = DEFAULT_LIMIT;
        if (limitText.isPresent()) {
            String t = limitText.get();
            if (t.isEmpty() || t.length() > 5 || !t.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(t) < 1 || Integer.parseInt(t) > 65_535) {
                throw bad("limit: expected an integer from 1 to 65535");
            }
            limit = Math.min(Integer.parseInt(t), MAX_LIMIT);
        }
        if (cursor.isPresent() && !SignupToken.isWellFormed(cursor.get())) {
            throw bad("cursor: Invalid signup code id");
        }
        SignupTokenState state = SignupTokenState.ALL;
        if (stateText.isPresent()) {
            state = switch (stateText.get()) {
                case "all" -> SignupTokenState.ALL;
                case "used" -> SignupTokenState.USED;
                case "unused" -> SignupTokenState.UNUSED;
                default -> throw bad("state: unknown variant `" + stateText.get() + "`, expected one of `all`, `used`, `unused`");
            };
        }
        return new SignupTokenQuery(limit, cursor, state);
    }

    private static Optional<String> single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw bad("duplicate field `" + name + "`");
        }
        return Optional.of(values.get(0));
    }

    private static PubkyException bad(String detail) {
        return new PubkyException(ErrorCode.MALFORMED_INPUT, "Failed to deserialize query string: " + detail);
    }
}
