package org.pubky.jaxrs.client;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.function.Function;
import org.pubky.spi.PubkyException;

/**
 * The current, path-addressed storage API: {@code /storage/{owner}/{path}}. The owner comes only
 * from the path; {@code Host}, {@code pubky-host} and {@code ?pubky-host=} are ignored.
 */
@Path("/storage")
public final class StorageResource {
    private final StorageHandler handler;

    StorageResource(StorageHandler handler) {
        this.handler = requireNonNull(handler, "handler is null");
    }

    @GET
    @Path("{any: .*}")
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers, @Context HttpServletRequest request) {
        return with(uri, target -> handler.get(target, headers, uri.getRequestUri().getRawQuery(), false, ip(request, headers)));
    }

    @GET
    public Response getRoot(@Context UriInfo uri, @Context HttpHeaders headers, @Context HttpServletRequest request) {
        return get(uri, headers, request);
    }

    @HEAD
    @Path("{any: .*}")
    public Response head(@Context UriInfo uri, @Context HttpHeaders headers, @Context HttpServletRequest request) {
        return with(uri, target -> handler.get(target, headers, null, true, ip(request, headers)));
    }

    @PUT
    @Path("{any: .*}")
    public Response put(@Context UriInfo uri, @Context HttpHeaders headers, InputStream body) {
        return with(uri, target -> handler.put(target, headers, body));
    }

    @DELETE
    @Path("{any: .*}")
    public Response delete(@Context UriInfo uri, @Context HttpHeaders headers, @Context HttpServletRequest request) {
        return with(uri, target -> handler.delete(target, headers));
    }

    private static Response with(UriInfo uri, Function<StorageTarget, Response> action) {
        StorageTarget target;
        try {
            target = StorageTarget.pathAddressed(uri.getRequestUri().getRawPath());
        } catch (PubkyException e) {
            return StorageHandler.error(e, null);
        }
        return action.apply(target);
    }

    private String ip(HttpServletRequest request, HttpHeaders headers) {
        return handler.clientIp(request, headers);
    }
}
