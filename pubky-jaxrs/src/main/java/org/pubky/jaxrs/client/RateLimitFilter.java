package org.pubky.jaxrs.client;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.pubky.core.homeserver.limits.RateLimiter;
import org.pubky.core.keys.PublicKey;
import org.pubky.jaxrs.common.ClientAddress;
import org.pubky.jaxrs.common.PlainText;
import org.pubky.spi.PubkyException;

/**
 * Request-count limits on the client API (not on {@code /info}): rules match the storage path of
 * {@code /storage/…} requests (keyed by the path owner) and the URI path otherwise (keyed by the
 * legacy tenant). Refusals are 429 with {@code Retry-After}; a user-keyed rule that finds no user
 * is a 400.
 */
@PreMatching
public final class RateLimitFilter implements ContainerRequestFilter {
    private final RateLimiter limiter;
    private final boolean trustForwarded;

    @Context
    private HttpServletRequest servletRequest;

    public RateLimitFilter(RateLimiter limiter, boolean trustForwarded) {
        this.limiter = requireNonNull(limiter, "limiter is null");
        this.trustForwarded = trustForwarded;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (limiter.rules().isEmpty()) {
            return;
        }
        String rawPath = request.getUriInfo().getRequestUri().getRawPath();
        if (rawPath.equals("/info")) {
            return;
        }
        String path = rawPath;
        Optional<PublicKey> user;
        if (rawPath.startsWith("/storage/")) {
            try {
                StorageTarget target = StorageTarget.pathAddressed(rawPath);
                path = target.path().value();
                user = Optional.of(target.owner());
            } catch (PubkyException e) {
                return; // the route answers 400 itself
            }
        } else {
            user = Tenants.legacy(request::getHeaderString, request.getUriInfo().getRequestUri().getRawQuery());
        }
        String ip = ClientAddress.of(servletRequest == null ? null : servletRequest.getRemoteAddr(),
                request::getHeaderString, trustForwarded);
        RateLimiter.Decision decision = limiter.check(request.getMethod(), path,
                new RateLimiter.Subject(ip, user.map(PublicKey::z32)));
        if (decision.missingKey()) {
            request.abortWith(PlainText.response(400, "Missing request tenant for a user rate limit"));
        } else if (!decision.allowed()) {
            request.abortWith(Response.fromResponse(PlainText.response(429, "Too Many Requests"))
                    .header("Retry-After", decision.retryAfterSeconds()).build());
        }
    }

}
