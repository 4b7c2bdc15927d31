package org.pubky.jaxrs.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The reference's "very permissive" CORS: the request's {@code Origin} is echoed (or {@code *}
 * without one), preflights are answered at once echoing the requested method and headers,
 * credentials are allowed, and only the configured headers are exposed. It runs before routing so
 * that error responses (400 for a malformed URL, say) carry the CORS headers too.
 */
@PreMatching
public final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private final String exposeHeaders;

    /** @param exposeHeaders the value of {@code Access-Control-Expose-Headers}, or null for none */
    public CorsFilter(String exposeHeaders) {
        this.exposeHeaders = exposeHeaders;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if ("OPTIONS".equals(request.getMethod())
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            request.abortWith(Response.ok().build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        String origin = request.getHeaderString("Origin");
        headers.putSingle("Access-Control-Allow-Origin", origin != null ? origin : "*");
        headers.putSingle("Access-Control-Allow-Credentials", "true");
        if (origin != null) {
            headers.add("Vary", "Origin");
        }
        if ("OPTIONS".equals(request.getMethod())) {
            String method = request.getHeaderString("Access-Control-Request-Method");
            if (method != null) {
                headers.putSingle("Access-Control-Allow-Methods", method);
            }
            String requested = request.getHeaderString("Access-Control-Request-Headers");
            if (requested != null) {
                headers.putSingle("Access-Control-Allow-Headers", requested);
            }
        }
        if (exposeHeaders != null) {
            headers.putSingle("Access-Control-Expose-Headers", exposeHeaders);
        }
    }
}
