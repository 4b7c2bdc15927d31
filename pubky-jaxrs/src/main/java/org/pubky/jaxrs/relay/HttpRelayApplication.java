package org.pubky.jaxrs.relay;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.pubky.core.relay.HttpRelay;
import org.pubky.jaxrs.common.CorsFilter;
import org.pubky.jaxrs.common.PubkyExceptionMapper;
import org.pubky.jaxrs.common.WebApplicationExceptionMapper;

/** The HTTP relay as a JAX-RS application (its own listener in the embedded runtime). */
public final class HttpRelayApplication extends Application {
    private final Set<Object> singletons;

    public HttpRelayApplication(HttpRelay relay, RelaySettings settings) {
        requireNonNull(relay, "relay is null");
        this.singletons = Set.of(
                new InboxResource(relay, settings),
                new LinkResource(relay, settings),
                new CorsFilter(null),
                new PubkyExceptionMapper(),
                new WebApplicationExceptionMapper());
    }

    @Override
    @SuppressWarnings("deprecation") // the portable way to hand instances to any JAX-RS runtime
    public Set<Object> getSingletons() {
        return singletons;
    }
}
