package org.pubky.jaxrs.client;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.pubky.core.homeserver.Homeserver;
import org.pubky.jaxrs.common.CorsFilter;
import org.pubky.jaxrs.common.EventStreamHeaders;
import org.pubky.jaxrs.common.PubkyExceptionMapper;
import org.pubky.jaxrs.common.WebApplicationExceptionMapper;
import org.pubky.jaxrs.metrics.RequestMetricsFilter;

/** The homeserver's client API as a JAX-RS application. */
public final class ClientApiApplication extends Application {
    private final Set<Object> singletons;

    public ClientApiApplication(Homeserver homeserver) {
        requireNonNull(homeserver, "homeserver is null");
        StorageHandler storage = new StorageHandler(homeserver);
        this.singletons = Set.of(
                new RootResource(),
                new StorageResource(storage),
                new LegacyStorageResource(storage),
                new CookieSessionResource(homeserver),
                new GrantResource(homeserver),
                new SignupTokenResource(homeserver),
                new EventFeedResource(homeserver),
                new EventsResource(homeserver),
                EventStreamHeaders.client(),
                new CorsFilter("retry-after"),
                new RateLimitFilter(homeserver.rateLimiter(), homeserver.settings().trustForwardedHeaders()),
                new RequestMetricsFilter(homeserver.metrics(), "client"),
                new StorageMetricsFilter(homeserver.metrics()),
                new PubkyExceptionMapper(),
                new WebApplicationExceptionMapper());
    }

    @Override
    @SuppressWarnings("deprecation") // the portable way to hand instances to any JAX-RS runtime
    public Set<Object> getSingletons() {
        return singletons;
    }
}
