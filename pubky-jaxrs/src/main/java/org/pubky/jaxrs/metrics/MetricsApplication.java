package org.pubky.jaxrs.metrics;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.pubky.core.homeserver.metrics.HomeserverMetrics;
import org.pubky.jaxrs.common.PubkyExceptionMapper;
import org.pubky.jaxrs.common.WebApplicationExceptionMapper;

/**
 * The metrics listener: {@code GET /metrics} and nothing else. It has no authentication (as in
 * the reference), so serve it only where the monitoring system alone can reach it.
 */
public final class MetricsApplication extends Application {
    private final Set<Object> singletons;

    public MetricsApplication(HomeserverMetrics metrics) {
        requireNonNull(metrics, "metrics is null");
        this.singletons = Set.of(new MetricsResource(metrics), new PubkyExceptionMapper(),
                new WebApplicationExceptionMapper());
    }

    @Override
    @SuppressWarnings("deprecation") // the portable way to hand instances to any JAX-RS runtime
    public Set<Object> getSingletons() {
        return singletons;
    }
}
