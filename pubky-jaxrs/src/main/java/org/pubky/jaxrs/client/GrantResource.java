package org.pubky.jaxrs.client;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Optional;
import org.pubky.core.homeserver.Homeserver;
import org.pubky.core.homeserver.auth.AuthSession;
import org.pubky.core.homeserver.auth.Credentials;
import org.pubky.core.homeserver.auth.GrantRequest;
import org.pubky.jaxrs.common.Bodies;
import org.pubky.jaxrs.common.ClientAddress;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/** Grant authentication: {@code /auth/grant/signup}, {@code /auth/grant/session(s)}. */
@Path("/auth/grant")
public final class GrantResource {
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final Homeserver homeserver;

    GrantResource(Homeserver homeserver) {
        this.homeserver = requireNonNull(homeserver, "homeserver is null");
    }

    @POST
    @Path("signup")
    @Consumes(MediaType.WILDCARD)
    public Response signup(@QueryParam("signup_token") String signupToken, @Context HttpHeaders headers,
            @Context HttpServletRequest servlet, InputStream body) {
        String ip = ClientAddress.of(servlet == null ? null : servlet.getRemoteAddr(), headers::getHeaderString,
                homeserver.settings().trustForwardedHeaders());
        homeserver.grants().signup(request(body), Optional.ofNullable(signupToken), Optional.of(ip));
        return Response.noContent().build();
    }

    @POST
    @Path("session")
    @Consumes(MediaType.WILDCARD)
    public Response createSession(InputStream body) {
        String json = homeserver.grants().createSession(request(body)).toJson();
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("session")
    public Response describe(@Context UriInfo uri, @Context HttpHeaders headers) {
        Credentials credentials = RequestCredentials.of(headers);
        AuthSession session = session(uri, headers)
                .orElseThrow(() -> new PubkyException(ErrorCode.UNAUTHORIZED, "Session not found"));
        String bearer = credentials.bearerToken().orElse("");
        return Response.ok(homeserver.grants().describe(session, bearer).toJson(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @DELETE
    @Path("session")
    public Response signout(@Context UriInfo uri, @Context HttpHeaders headers) {
        homeserver.grants().signout(session(uri, headers));
        return Response.ok().build();
    }

    @GET
    @Path("sessions")
    public Response list(@Context UriInfo uri, @Context HttpHeaders headers) {
        AuthSession session = session(uri, headers)
                .orElseThrow(() -> new PubkyException(ErrorCode.UNAUTHORIZED, "No authenticated session found"));
        return Response.ok(homeserver.grants().listActive(session), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @DELETE
    @Path("session/{gid}")
    public Response revoke(@PathParam("gid") String grantId, @Context UriInfo uri, @Context HttpHeaders headers) {
        AuthSession session = session(uri, headers)
                .orElseThrow(() -> new PubkyException(ErrorCode.UNAUTHORIZED, "No authenticated session found"));
        homeserver.grants().revoke(session, grantId);
        return Response.ok().build();
    }

    private Optional<AuthSession> session(UriInfo uri, HttpHeaders headers) {
        return homeserver.credentials().resolve(RequestCredentials.of(headers),
                Tenants.legacy(headers, uri.getRequestUri().getRawQuery()), true);
    }

    private static GrantRequest request(InputStream body) {
        return GrantRequest.parse(Bodies.readLimited(body, MAX_BODY_BYTES, "request body"));
    }
}
