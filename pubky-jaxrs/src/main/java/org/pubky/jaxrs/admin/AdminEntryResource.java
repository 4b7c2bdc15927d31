package org.pubky.jaxrs.admin;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.pubky.core.homeserver.admin.AdminService;
import org.pubky.core.path.StoragePath;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * {@code DELETE /webdav/{key}/pub/…}: removes one public file of a user (moderation, repair),
 * with the same DEL event a user's own delete writes. 204, or 400 (key, path outside
 * {@code /pub/}), 404 (no such file).
 */
@Path("/webdav")
@AdminProtected
public final class AdminEntryResource {
    private final AdminService admin;

    AdminEntryResource(AdminService admin) {
        this.admin = requireNonNull(admin, "admin is null");
    }

    @DELETE
    @Path("{entry: .+}")
    public Response delete(@PathParam("entry") String entry) {
        int slash = entry.indexOf('/');
        if (slash < 0) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "Invalid entry path: missing '/'");
        }
        admin.deletePublicFile(AdminKeys.parse(entry.substring(0, slash)), StoragePath.parse(entry.substring(slash)));
        return Response.noContent().build();
    }
}
