package org.pubky.jaxrs.client;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.pubky.core.homeserver.Homeserver;
import org.pubky.core.homeserver.events.PreparedStream;
import org.pubky.core.homeserver.events.StreamRequest;
import org.pubky.jaxrs.common.EventStreamResponse;
import org.pubky.jaxrs.common.SseEventSinkAdapter;

/**
 * {@code GET /events-stream}, the Server-Sent Events stream (the feed is
 * {@link EventFeedResource}). Asynchronous: the request thread validates, hands the
 * {@link SseEventSink} to the event service and returns; the service's workers write the events.
 * Errors (400/401/403/404) are ordinary plain-text responses, thrown before the sink is used.
 */
@Path("/events-stream")
public final class EventsResource {
    private final Homeserver homeserver;

    public EventsResource(Homeserver homeserver) {
        this.homeserver = requireNonNull(homeserver, "homeserver is null");
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @EventStreamResponse
    public void stream(@Context UriInfo uri, @Context HttpHeaders headers, @Context SseEventSink sink,
            @Context Sse sse) {
        StreamRequest request = StreamRequest.parse(uri.getRequestUri().getRawQuery());
        PreparedStream plan = homeserver.events().prepare(request, RequestCredentials.of(headers));
        homeserver.events().start(plan, new SseEventSinkAdapter(sink, sse));
    }
}
