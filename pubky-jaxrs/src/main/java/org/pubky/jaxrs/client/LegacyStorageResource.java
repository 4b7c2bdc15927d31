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
import org.pubky.core.keys.PublicKey;
import org.pubky.jaxrs.common.PlainText;
import org.pubky.spi.PubkyException;

/**
 * The deprecated owner-relative storage API: {@code /{path}} with the owner from {@code Host},
 * {@code pubky-host} or {@code ?pubky-host=}. Fixed routes ({@code /session}, {@code /info}, …)
 * win over this catch-all: it is a sub-resource of {@code /} so that JAX-RS ranks the literal
 * routes of the other {@code /} resources ({@code signup}, {@code session}, {@code info}) before
 * it (as a root resource {@code /{any: .*}} outranked them all, and {@code POST /signup} got 405).
 */
@Path("/")
public final class LegacyStorageResource {
    private final StorageHandler handler;

    LegacyStorageResource(StorageHandler handler) {
        this.handler = requireNonNull(handler, "handler is null");
    }

    @GET
    @Path("{any: .*}")
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers, @Context HttpServletRequest request) {
        String rawPath = uri.getRequestUri().getRawPath();
        if (rawPath.isEmpty() || rawPath.equals("/")) {
            return PlainText.response(200, "Pubky Homeserver");
        }
        try {
            PublicKey owner = Tenants.requireLegacy(headers, uri.getRequestUri().getRawQuery());
            StorageTarget target = StorageTarget.legacy(owner, rawPath);
            return handler.get(target, headers, uri.getRequestUri().getRawQuery(), false, ip(request, headers));
        } catch (PubkyException e) {
            return StorageHandler.error(e, null);
        }
    }

    @HEAD
    @Path("{any: .*}")
    public Response head(@Context UriInfo uri, @Context HttpHeaders headers, @Context HttpServletRequest request) {
        try {
            PublicKey owner = Tenants.requireLegacy(headers, uri.getRequestUri().getRawQuery());
            return handler.get(StorageTarget.legacy(owner, uri.getRequestUri().getRawPath()), headers, null, true, ip(request, headers));
        } catch (PubkyException e) {
            return StorageHandler.error(e, null);
        }
    }

    @PUT
    @Path("{any: .*}")
    public Response put(@Context UriInfo uri, @Context HttpHeaders headers, InputStream body) {
        try {
            PublicKey owner = Tenants.requireLegacy(headers, uri.getRequestUri().getRawQuery());
            return handler.put(StorageTarget.legacy(owner, uri.getRequestUri().getRawPath()), headers, body);
        } catch (PubkyException e) {
            return StorageHandler.error(e, null);
        }
    }

    @DELETE
    @Path("{any: .*}")
    public Response delete(@Context UriInfo uri, @Context HttpHeaders headers, @Context HttpServletRequest request) {
        try {
            PublicKey owner = Tenants.requireLegacy(headers, uri.getRequestUri().getRawQuery());
            return handler.delete(StorageTarget.legacy(owner, uri.getRequestUri().getRawPath()), headers);
        } catch (PubkyException e) {
            return StorageHandler.error(e, null);
        }
    }

    private String ip(HttpServletRequest request, HttpHeaders headers) {
        return handler.clientIp(request, headers);
    }
}
