package org.pubky.jaxrs.admin;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import org.pubky.jaxrs.common.PlainText;
import org.pubky.spi.PubkyException;
import org.pubky.spi.auth.AdminAuthenticator;
import org.pubky.spi.auth.AdminRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request reach an {@link AdminProtected} resource only if the {@link AdminAuthenticator}
 * accepts what it presents: the {@code X-Admin-Password} header and whatever the container's
 * {@link SecurityContext} knows. A refusal is answered with 401 and the authenticator's message
 * as plain text; neither the header value nor the configured secret is ever logged.
 */
@AdminProtected
public final class AdminAuthFilter implements ContainerRequestFilter {
    /** The header carrying the shared admin password. */
    public static final String PASSWORD_HEADER = "X-Admin-Password";

    private static final Logger LOG = LoggerFactory.getLogger(AdminAuthFilter.class);

    private final AdminAuthenticator authenticator;

    public AdminAuthFilter(AdminAuthenticator authenticator) {
        this.authenticator = requireNonNull(authenticator, "authenticator is null");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        AdminRequest admin = new AdminRequest(
                Optional.ofNullable(request.getHeaders().getFirst(PASSWORD_HEADER)),
                Optional.ofNullable(security == null ? null : security.getUserPrincipal()),
                role -> security != null && security.isUserInRole(role));
        try {
            String who = authenticator.authenticate(admin);
            if (!"GET".equals(request.getMethod())) {
                LOG.info("admin {} {} by {}", request.getMethod(), request.getUriInfo().getPath(), who);
            }
        } catch (PubkyException e) {
            LOG.debug("admin request refused: {}", e.getMessage());
            request.abortWith(PlainText.response(e.code().httpStatus(), e.getMessage()));
        }
    }
}
