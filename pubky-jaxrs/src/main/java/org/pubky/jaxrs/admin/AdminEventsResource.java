package org.pubky.jaxrs.admin;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.pubky.core.homeserver.Homeserver;
import org.pubky.core.homeserver.events.AdminStreamRequest;
import org.pubky.core.homeserver.events.PreparedStream;
import org.pubky.jaxrs.common.EventStreamResponse;
import org.pubky.jaxrs.common.SseEventSinkAdapter;

/**
 * The admin API's {@code GET /events-stream}: every event, {@code /priv/} included, with an
 * optional user filter and one global cursor (HS-ADM-004, 019 … 024), behind the admin
 * authenticator; {@link org.pubky.jaxrs.common.EventStreamHeaders#admin()} adds {@code no-store}.
 */
@Path("/events-stream")
@AdminProtected
public final class AdminEventsResource {
    private final Homeserver homeserver;

    public AdminEventsResource(Homeserver homeserver) {
        this.homeserver = requireNonNull(homeserver, "homeserver is null");
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @EventStreamResponse
    public void stream(@Context UriInfo uri, @Context SseEventSink sink, @Context Sse sse) {
        AdminStreamRequest request = AdminStreamRequest.parse(uri.getRequestUri().getRawQuery());
        PreparedStream plan = homeserver.events().prepareAdmin(request);
        homeserver.events().start(plan, new SseEventSinkAdapter(sink, sse));
    }
}
