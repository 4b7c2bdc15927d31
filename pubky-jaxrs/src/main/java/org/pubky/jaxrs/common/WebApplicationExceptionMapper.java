package org.pubky.jaxrs.common;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Errors raised by the JAX-RS runtime itself (no route, wrong method, unreadable body) answered
 * in the same plain-text style as our own errors, keeping any headers the runtime set (such as
 * {@code Allow} on 405).
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        Response.StatusType status = original.getStatusInfo();
        Response.ResponseBuilder builder = Response.fromResponse(original)
                .entity(status.getReasonPhrase())
                .type(PlainText.TYPE);
        return builder.build();
    }
}
