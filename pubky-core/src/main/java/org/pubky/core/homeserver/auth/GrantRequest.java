package org.pubky.core.homeserver.auth;

import static java.util.Objects.requireNonNull;

import org.pubky.core.encoding.JsonObject;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The body of {@code POST /auth/grant/session} and {@code /auth/grant/signup}:
 * {@code {"grant":"<jws>","pop":"<jws>"}}.
 *
 * @param grant the grant JWS, compact form
 * @param pop the proof-of-possession JWS, compact form
 */
public record GrantRequest(String grant, String pop) {
    public GrantRequest {
        requireNonNull(grant, "grant is null");
        requireNonNull(pop, "pop is null");
    }

    /**
     * Parses the JSON body; each JWS must have exactly three dot-separated parts.
     *
     * @throws PubkyException 400 for a body that is not that shape
     */
    public static GrantRequest parse(byte[] body) {
        JsonObject json = JsonObject.parse(body, ErrorCode.MALFORMED_INPUT, "request body");
        GrantRequest request = new GrantRequest(json.string("grant"), json.string("pop"));
        requireThreeParts(request.grant(), "grant");
        requireThreeParts(request.pop(), "pop");
        return request;
    }

    private static void requireThreeParts(String jws, String field) {
        int dots = 0;
        for (int i = 0; i < jws.length(); i++) {
            if (jws.charAt(i) == '.') {
                dots++;
            }
        }
        if (dots != 2) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT,
                    "Failed to deserialize the JSON body: " + field + " must be a compact JWS with 3 parts");
        }
    }
}
