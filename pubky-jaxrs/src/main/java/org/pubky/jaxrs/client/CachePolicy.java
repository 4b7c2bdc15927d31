package org.pubky.jaxrs.client;

import jakarta.ws.rs.core.Response;

/**
 * The reference's cache headers for storage responses: public files are
 * {@code private, must-revalidate} (and vary on {@code pubky-host} on legacy routes); anything
 * under {@code /priv/} — success or error — is {@code no-store} and varies on the credentials.
 */
final class CachePolicy {
    private CachePolicy() {
    }

    /** Headers of a file response (GET, HEAD, 304). */
    static Response.ResponseBuilder file(Response.ResponseBuilder builder, StorageTarget target) {
        if (target.path().isPrivate()) {
            return privateHeaders(builder, target.legacy());
        }
        builder.header("Cache-Control", "private, must-revalidate");
        return target.legacy() ? builder.header("Vary", Tenants.PUBKY_HOST) : builder;
    }

    /** Headers of a listing response. */
    static Response.ResponseBuilder listing(Response.ResponseBuilder builder, StorageTarget target) {
        if (target.path().isPrivate()) {
            return privateHeaders(builder, target.legacy());
        }
        return target.legacy() ? builder.header("Vary", Tenants.PUBKY_HOST) : builder;
    }

    /** Headers of an error response; validators never appear on errors. */
    static Response.ResponseBuilder error(Response.ResponseBuilder builder, StorageTarget target) {
        if (target != null && target.path().isPrivate()) {
            return privateHeaders(builder, target.legacy());
        }
        return builder;
    }

    static Response.ResponseBuilder privateHeaders(Response.ResponseBuilder builder, boolean legacy) {
        return builder.header("Cache-Control", "no-store")
                .header("Vary", legacy ? "pubky-host, Authorization, Cookie" : "Authorization, Cookie");
    }
}
