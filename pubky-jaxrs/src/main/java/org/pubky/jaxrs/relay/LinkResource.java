package org.pubky.jaxrs.relay;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Optional;
import org.pubky.core.relay.HttpRelay;
import org.pubky.core.relay.RelayMessage;
import org.pubky.jaxrs.common.Bodies;

/**
 * {@code /link/{id}}: the deprecated synchronous hand-off (producer and consumer each wait for the
 * other), still used by the auth flows of deployed clients. Responses carry
 * {@code Deprecation: true} as the reference's do.
 */
@Path("/link/{id}")
public final class LinkResource {
    private final HttpRelay relay;
    private final RelaySettings settings;

    public LinkResource(HttpRelay relay, RelaySettings settings) {
        this.relay = requireNonNull(relay, "relay is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    @POST
    public void produce(@PathParam("id") String id, @HeaderParam("Content-Type") String contentType,
            InputStream body, @Suspended AsyncResponse response) {
        HttpRelay.checkId(id, "Channel ID");
        byte[] bytes = Bodies.readLimited(body, settings.maxBodyBytes(), "message");
        Waiting.resume(relay, relay.linkProduce(id, new RelayMessage(bytes, Optional.ofNullable(contentType))),
                response, settings.linkTimeout(), taken -> deprecated(Response.ok()));
    }

    @GET
    public void consume(@PathParam("id") String id, @Suspended AsyncResponse response) {
        HttpRelay.checkId(id, "Channel ID");
        Waiting.resume(relay, relay.linkConsume(id), response, settings.linkTimeout(),
                message -> deprecated(Response.fromResponse(Waiting.message(message))));
    }

    private static Response deprecated(Response.ResponseBuilder builder) {
        return builder.header("Deprecation", "true").build();
    }
}
