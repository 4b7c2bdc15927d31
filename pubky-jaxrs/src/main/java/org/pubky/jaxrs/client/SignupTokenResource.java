package org.pubky.jaxrs.client;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pubky.core.auth.SignupToken;
import org.pubky.core.encoding.JsonWriter;
import org.pubky.core.homeserver.Homeserver;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.SignupTokenRecord;

/** {@code GET /signup_tokens/{token}}: whether a signup token is still valid. */
@Path("/signup_tokens/{token}")
public final class SignupTokenResource {
    private final Homeserver homeserver;

    SignupTokenResource(Homeserver homeserver) {
        this.homeserver = requireNonNull(homeserver, "homeserver is null");
    }

    @GET
    public Response status(@PathParam("token") String token) {
        if (!homeserver.signup().usesSignupTokens()) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "Signup tokens not required");
        }
        SignupToken.parse(token);
        SignupTokenRecord record = homeserver.metadata().signupTokens().find(token)
                .orElseThrow(() -> new PubkyException(ErrorCode.NOT_FOUND, "Token not found"));
        String json = new JsonWriter().beginObject()
                .name("status").value(record.usedBy().isPresent() ? "used" : "valid")
                .name("created_at").value(record.createdAt().toString())
                .endObject().toString();
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }
}
