package org.pubky.jaxrs.relay;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.DELETE;
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
import java.util.concurrent.CompletableFuture;
import org.pubky.core.relay.HttpRelay;
import org.pubky.core.relay.RelayMessage;
import org.pubky.jaxrs.common.Bodies;
import org.pubky.jaxrs.common.PlainText;

/** {@code /inbox/{id}}: store-and-forward channels with explicit acknowledgement. */
@Path("/inbox/{id}")
public final class InboxResource {
    private final HttpRelay relay;
    private final RelaySettings settings;

    public InboxResource(HttpRelay relay, RelaySettings settings) {
        this.relay = requireNonNull(relay, "relay is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    @POST
    public Response store(@PathParam("id") String id, @HeaderParam("Content-Type") String contentType,
            InputStream body) {
        HttpRelay.checkId(id, "Inbox ID");
        byte[] bytes = Bodies.readLimited(body, settings.maxBodyBytes(), "message");
        relay.store(id, new RelayMessage(bytes, Optional.ofNullable(contentType)));
        return Response.ok().build();
    }

    @GET
    public void fetch(@PathParam("id") String id, @Suspended AsyncResponse response) {
        HttpRelay.checkId(id, "Inbox ID");
        Waiting.resume(relay, relay.fetch(id), response, settings.inboxTimeout(), Waiting::message);
    }

    @DELETE
    public Response acknowledge(@PathParam("id") String id) {
        HttpRelay.checkId(id, "Inbox ID");
        return relay.acknowledge(id) ? Response.ok().build() : PlainText.response(404, "Not found");
    }

    @GET
    @Path("ack")
    public Response acknowledged(@PathParam("id") String id) {
        HttpRelay.checkId(id, "Inbox ID");
        return relay.acknowledged(id)
                .map(acked -> PlainText.response(200, acked.toString()))
                .orElseGet(() -> PlainText.response(404, "Not found"));
    }

    @GET
    @Path("await")
    public void awaitAcknowledgement(@PathParam("id") String id, @Suspended AsyncResponse response) {
        HttpRelay.checkId(id, "Inbox ID");
        Optional<CompletableFuture<Boolean>> waiting = relay.awaitAcknowledgement(id);
        if (waiting.isEmpty()) {
            response.resume(PlainText.response(404, "Not found"));
            return;
        }
        Waiting.resume(relay, waiting.get(), response, settings.inboxTimeout(), acked -> Response.ok().build());
    }
}
