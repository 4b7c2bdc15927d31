package org.pubky.jaxrs.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Plain-text responses, the body format of every error and of the simple success answers. */
public final class PlainText {
    /** {@code text/plain; charset=utf-8}. */
    public static final MediaType TYPE = MediaType.valueOf("text/plain; charset=utf-8");

    private PlainText() {
    }

    /** A response with {@code status} and {@code text} as a UTF-8 plain-text body. */
    public static Response response(int status, String text) {
        return Response.status(status).type(TYPE).entity(text).build();
    }
}
