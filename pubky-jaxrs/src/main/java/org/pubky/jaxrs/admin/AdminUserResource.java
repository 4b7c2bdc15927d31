package org.pubky.jaxrs.admin;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.pubky.core.homeserver.admin.AdminService;
import org.pubky.core.homeserver.quota.QuotaJson;
import org.pubky.core.homeserver.quota.QuotaPatch;
import org.pubky.core.keys.PublicKey;
import org.pubky.jaxrs.common.Bodies;
import org.pubky.jaxrs.common.PlainText;

/**
 * One user: {@code POST /users/{key}/disable|enable} and {@code GET|PATCH /users/{key}/quota}.
 * The key is checked first (400), then the body (400 syntax, 422 values), then the user (404).
 */
@Path("/users/{key}")
@AdminProtected
public final class AdminUserResource {
    private final AdminService admin;

    AdminUserResource(AdminService admin) {
        this.admin = requireNonNull(admin, "admin is null");
    }

    @POST
    @Path("disable")
    public Response disable(@PathParam("key") String key) {
        admin.setDisabled(AdminKeys.parse(key), true);
        return PlainText.response(200, "Ok");
    }

    @POST
    @Path("enable")
    public Response enable(@PathParam("key") String key) {
        admin.setDisabled(AdminKeys.parse(key), false);
        return PlainText.response(200, "Ok");
    }

    @GET
    @Path("quota")
    public Response quota(@PathParam("key") String key) {
        return Response.ok(admin.quotaJson(AdminKeys.parse(key)), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @PATCH
    @Path("quota")
    public Response patchQuota(@PathParam("key") String key, InputStream body) {
        PublicKey user = AdminKeys.parse(key);
        QuotaPatch patch = QuotaJson.parsePatch(Bodies.readLimited(body, AdminSignupTokenResource.MAX_BODY, "quota"));
        admin.patchQuota(user, patch);
        return Response.ok().build();
    }
}
