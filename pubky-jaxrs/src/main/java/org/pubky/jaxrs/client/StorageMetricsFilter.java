package org.pubky.jaxrs.client;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.pubky.core.homeserver.metrics.HomeserverMetrics;
import org.pubky.core.homeserver.metrics.HomeserverMetrics.AddressingMode;
import org.pubky.core.homeserver.metrics.HomeserverMetrics.AuthMethod;
import org.pubky.core.homeserver.metrics.HomeserverMetrics.HostHeader;
import org.pubky.core.keys.PublicKey;
import org.pubky.spi.PubkyException;

/**
 * Counts storage requests whose tenant resolves ({@code storage_request_count_total}) with the
 * reference's migration labels: addressing mode, how a {@code pubky-host} header relates to the
 * tenant, whether a {@code pubky-host} query parameter was sent, and the credential kind. A
 * request whose tenant does not resolve (a 400) is not counted.
 *
 * <p>The credential kind is the one the request presents for the tenant (a bearer token, or a
 * cookie named after the tenant), read without a store lookup; the reference labels the session
 * its middleware resolved, which differs only for requests whose credential is invalid.
 * Thread-safe.
 */
final class StorageMetricsFilter implements ContainerRequestFilter {
    private final HomeserverMetrics metrics;

    @Context
    private ResourceInfo resource;

    StorageMetricsFilter(HomeserverMetrics metrics) {
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        if (type != StorageResource.class && type != LegacyStorageResource.class) {
            return;
        }
        String rawPath = request.getUriInfo().getRequestUri().getRawPath();
        String rawQuery = request.getUriInfo().getRequestUri().getRawQuery();
        Optional<PublicKey> tenant;
        AddressingMode mode;
        if (type == StorageResource.class) {
            mode = AddressingMode.PATH;
            try {
                tenant = Optional.of(StorageTarget.pathAddressed(rawPath).owner());
            } catch (PubkyException e) {
                tenant = Optional.empty();
            }
        } else {
            mode = AddressingMode.LEGACY;
            tenant = rawPath.isEmpty() || rawPath.equals("/") ? Optional.empty() : Tenants.legacy(request::getHeaderString, rawQuery);
        }
        if (tenant.isEmpty()) {
            return;
        }
        metrics.recordStorageRequest(mode, authMethod(request, tenant.get()), hostHeader(request, tenant.get()),
                hasHostQuery(rawQuery));
    }

    private static AuthMethod authMethod(ContainerRequestContext request, PublicKey tenant) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return AuthMethod.GRANT;
        }
        return request.getCookies().containsKey(tenant.z32()) ? AuthMethod.COOKIE : AuthMethod.NONE;
    }

    private static HostHeader hostHeader(ContainerRequestContext request, PublicKey tenant) {
        String value = request.getHeaderString(Tenants.PUBKY_HOST);
        if (value == null) {
            return HostHeader.ABSENT;
        }
        return Tenants.parse(value).filter(tenant::equals).isPresent() ? HostHeader.MATCHING : HostHeader.OTHER;
    }

    private static boolean hasHostQuery(String rawQuery) {
        if (rawQuery == null) {
            return false;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(key).equals(Tenants.PUBKY_HOST)) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String formEncoded) {
        try {
            return URLDecoder.decode(formEncoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return formEncoded;
        }
    }
}
