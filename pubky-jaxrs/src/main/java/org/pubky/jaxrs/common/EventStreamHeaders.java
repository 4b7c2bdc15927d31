package org.pubky.jaxrs.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.List;

/**
 * The cache headers of event streams, on every response of an {@link EventStreamResponse}
 * method, success or error (an SSE response has no other way to carry headers): {@code
 * Cache-Control: no-store}, and on the client API also {@code Vary: pubky-host, Authorization,
 * Cookie} (HS-EVT-041), replacing any earlier value as the reference does.
 */
@EventStreamResponse
public final class EventStreamHeaders implements ContainerResponseFilter {
    private final boolean vary;

    private EventStreamHeaders(boolean vary) {
        this.vary = vary;
    }

    /** For the client API's {@code /events-stream}. */
    public static EventStreamHeaders client() {
        return new EventStreamHeaders(true);
    }

    /** For the admin API's {@code /events-stream}. */
    public static EventStreamHeaders admin() {
        return new EventStreamHeaders(false);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
        if (vary) {
            // replaces earlier values as the reference does, but keeps the CORS filter's Origin
            // whichever of the two filters runs first
            boolean origin = response.getHeaders().getOrDefault("Vary", List.of()).stream()
                    .anyMatch(v -> String.valueOf(v).contains("Origin"));
            response.getHeaders().putSingle("Vary", "pubky-host, Authorization, Cookie");
            if (origin) {
                response.getHeaders().add("Vary", "Origin");
            }
        }
    }
}
