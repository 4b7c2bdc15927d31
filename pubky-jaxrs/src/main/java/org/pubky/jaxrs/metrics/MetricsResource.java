package org.pubky.jaxrs.metrics;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.pubky.core.homeserver.metrics.HomeserverMetrics;
import org.pubky.core.metrics.PrometheusText;

/** {@code GET /metrics}: the Prometheus text exposition. Unauthenticated, as in the reference. */
@Path("/metrics")
public final class MetricsResource {
    private final HomeserverMetrics metrics;

    MetricsResource(HomeserverMetrics metrics) {
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    @GET
    public Response scrape() {
        return Response.ok(metrics.scrape()).header("Content-Type", PrometheusText.CONTENT_TYPE)
                .header("Cache-Control", "no-store").build();
    }
}
