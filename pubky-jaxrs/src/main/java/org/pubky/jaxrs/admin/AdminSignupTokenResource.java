package org.pubky.jaxrs.admin;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.pubky.core.homeserver.admin.AdminService;
import org.pubky.core.homeserver.admin.SignupTokenQuery;
import org.pubky.core.homeserver.quota.QuotaJson;
import org.pubky.jaxrs.common.Bodies;
import org.pubky.jaxrs.common.PlainText;
import org.pubky.spi.storage.QuotaOverrides;

/**
 * Signup tokens: {@code GET /generate_signup_token} (default limits), {@code POST} the same with
 * a JSON quota template, and {@code GET /signup_tokens} (paged listing).
 */
@Path("/")
@AdminProtected
public final class AdminSignupTokenResource {
    static final int MAX_BODY = 64 * 1024;

    private final AdminService admin;

    AdminSignupTokenResource(AdminService admin) {
        this.admin = requireNonNull(admin, "admin is null");
    }

    @GET
    @Path("generate_signup_token")
    public Response generate() {
        return PlainText.response(200, admin.generateSignupToken(QuotaOverrides.NONE).value());
    }

    @POST
    @Path("generate_signup_token")
    public Response generateWithLimits(InputStream body) {
        QuotaOverrides template = QuotaJson.parseQuota(Bodies.readLimited(body, MAX_BODY, "quota template"));
        return PlainText.response(200, admin.generateSignupToken(template).value());
    }

    @GET
    @Path("signup_tokens")
    public Response list(@Context UriInfo uri) {
        SignupTokenQuery query = SignupTokenQuery.parse(uri.getQueryParameters(true));
        return Response.ok(admin.signupTokensJson(query), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
