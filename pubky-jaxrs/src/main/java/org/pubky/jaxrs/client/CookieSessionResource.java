package org.pubky.jaxrs.client;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import org.pubky.core.homeserver.auth.CookieAuthService;
import org.pubky.core.keys.PublicKey;
import org.pubky.jaxrs.common.Bodies;
import org.pubky.jaxrs.common.ClientAddress;
import org.pubky.jaxrs.common.PlainText;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/** The deprecated cookie flow: {@code POST /signup}, {@code POST|GET|DELETE /session}. */
@Path("/")
public final class CookieSessionResource {
    private static final int MAX_TOKEN_BYTES = 64 * 1024;
    private static final MediaType OCTET_STREAM = MediaType.APPLICATION_OCTET_STREAM_TYPE;

    private final Homeserver homeserver;

    CookieSessionResource(Homeserver homeserver) {
        this.homeserver = requireNonNull(homeserver, "homeserver is null");
    }

    @POST
    @Path("signup")
    @Consumes(MediaType.WILDCARD)
    public Response signup(@QueryParam("signup_token") String signupToken, @Context HttpHeaders headers,
            @Context HttpServletRequest request, InputStream body) {
        byte[] token = Bodies.readLimited(body, MAX_TOKEN_BYTES, "AuthToken");
        return login(homeserver.cookies().signup(token, Optional.ofNullable(signupToken),
                Optional.of(clientAddress(request, headers))), headers);
    }

    @POST
    @Path("session")
    @Consumes(MediaType.WILDCARD)
    public Response signin(@Context HttpHeaders headers, InputStream body) {
        byte[] token = Bodies.readLimited(body, MAX_TOKEN_BYTES, "AuthToken");
        return login(homeserver.cookies().signin(token), headers);
    }

    @GET
    @Path("session")
    public Response describe(@Context UriInfo uri, @Context HttpHeaders headers) {
        AuthSession session = cookieSession(uri, headers)
                .orElseThrow(() -> new PubkyException(ErrorCode.UNAUTHORIZED, "No authenticated session found"));
        return Response.ok(homeserver.cookies().describe(session), OCTET_STREAM).build();
    }

    @DELETE
    @Path("session")
    public Response signout(@Context UriInfo uri, @Context HttpHeaders headers) {
        PublicKey tenant = Tenants.requireLegacy(headers, uri.getRequestUri().getRawQuery());
        Optional<AuthSession> session = homeserver.credentials().cookie(tenant, RequestCredentials.of(headers));
        session.ifPresent(homeserver.cookies()::signout);
        return Response.ok().header("Set-Cookie", SessionCookies.removal(tenant)).build();
    }

    private Optional<AuthSession> cookieSession(UriInfo uri, HttpHeaders headers) {
        return Tenants.legacy(headers, uri.getRequestUri().getRawQuery())
                .flatMap(tenant -> homeserver.credentials().cookie(tenant, RequestCredentials.of(headers)));
    }

    private Response login(CookieAuthService.Login login, HttpHeaders headers) {
        String host = headers.getHeaderString(HttpHeaders.HOST);
        return Response.ok(login.record(), OCTET_STREAM)
                .header("Set-Cookie", SessionCookies.session(login.user(), login.secret().value(), host,
                        homeserver.clock().instant()))
                .build();
    }

    private String clientAddress(HttpServletRequest request, HttpHeaders headers) {
        return ClientAddress.of(request == null ? null : request.getRemoteAddr(), headers::getHeaderString,
                homeserver.settings().trustForwardedHeaders());
    }

    static Response text(int status, String message) {
        return PlainText.response(status, message);
    }
}
