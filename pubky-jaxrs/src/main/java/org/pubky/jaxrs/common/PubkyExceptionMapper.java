package org.pubky.jaxrs.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.pubky.spi.PubkyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a {@link PubkyException} becomes an HTTP response: the status its
 * {@link org.pubky.spi.ErrorCode} maps to and the message as a plain-text body, as the reference
 * answers errors. Server-side failures are logged with their cause; client errors are not.
 */
public final class PubkyExceptionMapper implements ExceptionMapper<PubkyException> {
    private static final Logger LOG = LoggerFactory.getLogger(PubkyExceptionMapper.class);

    @Override
    public Response toResponse(PubkyException e) {
        int status = e.code().httpStatus();
        if (status >= 500) {
            LOG.warn("request failed: {}", e.toString(), e.getCause());
        }
        return PlainText.response(status, e.getMessage());
    }
}
