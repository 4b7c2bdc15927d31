package org.pubky.jaxrs.metrics;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pubky.core.homeserver.metrics.HomeserverMetrics;

/**
 * Counts and times every request of one API by method, route template and status
 * ({@code http_server_requests_total}, {@code http_server_request_duration_seconds}). The route is
 * the matched resource's {@code @Path} template with regular expressions dropped
 * ({@code /storage/{any}}), {@code unmatched} when no resource matched; the request path itself
 * is never a label. The time runs from before matching to the response headers (a streamed body
 * is not included).
 *
 * <p>Register one instance per application. Thread-safe.
 */
@PreMatching
public final class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String START = RequestMetricsFilter.class.getName() + ".start";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "PUT", "POST", "PATCH", "DELETE", "OPTIONS");

    private final HomeserverMetrics metrics;
    private final String api;
    private final Map<Method, String> routes = new ConcurrentHashMap<>();

    @Context
    private ResourceInfo resource;

    /** @param api the {@code api} label ({@code client}, {@code admin}, …) */
    public RequestMetricsFilter(HomeserverMetrics metrics, String api) {
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.api = requireNonNull(api, "api is null");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object start = request.getProperty(START);
        long nanos = start instanceof Long l ? System.nanoTime() - l : 0;
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
        metrics.recordHttpRequest(api, method, route(), response.getStatus(), nanos);
    }

    private String route() {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return "unmatched";
        }
        return routes.computeIfAbsent(method, m -> template(resource.getResourceClass(), m));
    }

    static String template(Class<?> type, Method method) {
        StringBuilder path = new StringBuilder();
        Path classPath = type == null ? null : type.getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        if (classPath != null) {
            path.append('/').append(classPath.value());
        }
        if (methodPath != null) {
            path.append('/').append(methodPath.value());
        }
        String text = path.toString().replaceAll("\\{\\s*([A-Za-z0-9_.-]+)\\s*:[^}]*}", "{$1}")
                .replaceAll("/+", "/");
        if (text.length() > 1 && text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.isEmpty() ? "/" : text;
    }
}
