package org.pubky.jaxrs.client;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.pubky.core.homeserver.Homeserver;
import org.pubky.core.homeserver.events.EventText;
import org.pubky.core.homeserver.events.FeedRequest;

/**
 * {@code GET /events/}, the legacy public feed: {@code text/plain} lines of public events of every
 * user, then {@code cursor: <id>}. A class of its own because a class-level path with literal
 * characters is what wins over the legacy storage catch-all in JAX-RS root-resource matching.
 */
@Path("/events/")
public final class EventFeedResource {
    /** The feed's media type, without a charset as the reference sends it. */
    static final MediaType FEED_TYPE = MediaType.valueOf("text/plain");

    private final Homeserver homeserver;

    public EventFeedResource(Homeserver homeserver) {
        this.homeserver = requireNonNull(homeserver, "homeserver is null");
    }

    @GET
    public Response feed(@Context UriInfo uri) {
        FeedRequest request = FeedRequest.parse(uri.getRequestUri().getRawQuery());
        return Response.ok(EventText.feedPage(homeserver.events().feed(request)), FEED_TYPE).build();
    }
}
