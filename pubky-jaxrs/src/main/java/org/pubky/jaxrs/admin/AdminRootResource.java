package org.pubky.jaxrs.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.pubky.jaxrs.common.PlainText;

/** {@code GET /}: identifies the admin endpoint; the only route without a password. */
@Path("/")
public final class AdminRootResource {
    @GET
    public Response root() {
        return PlainText.response(200, "Homeserver - Admin Endpoint");
    }
}
