package org.pubky.jaxrs.admin;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pubky.core.homeserver.admin.AdminService;

/** {@code GET /info}: user and token counters, the homeserver's key, published addresses, version. */
@Path("/info")
@AdminProtected
public final class AdminInfoResource {
    private final AdminService admin;

    AdminInfoResource(AdminService admin) {
        this.admin = requireNonNull(admin, "admin is null");
    }

    @GET
    public Response info() {
        return Response.ok(admin.infoJson(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
