package org.pubky.jaxrs.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pubky.jaxrs.common.PlainText;

/** {@code GET /} and {@code GET /info}: identification and feature discovery. */
@Path("/")
public final class RootResource {
    /** What {@code /info} advertises; clients ignore ids they do not know. */
    static final String INFO_JSON = "{\"features\":[\"path-addressed-storage\"]}";

    @GET
    public Response root() {
        return PlainText.response(200, "Pubky Homeserver");
    }

    @GET
    @Path("info")
    public Response info() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoTransform(false);
        return Response.ok(INFO_JSON, MediaType.APPLICATION_JSON_TYPE).cacheControl(noStore).build();
    }
}
