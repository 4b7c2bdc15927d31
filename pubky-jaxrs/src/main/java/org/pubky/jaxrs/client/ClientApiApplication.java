package org.pubky.jaxrs.client;

import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.pubky.jaxrs.common.CorsFilter;
import org.pubky.jaxrs.common.PubkyExceptionMapper;
import org.pubky.jaxrs.common.WebApplicationExceptionMapper;

/** The homeserver's client API as a JAX-RS application. */
public final class ClientApiApplication extends Application {
    private final Set<Object> singletons;

    public ClientApiApplication() {
        this.singletons = Set.of(
                new RootResource(),
                new CorsFilter("retry-after"),
                new PubkyExceptionMapper(),
                new WebApplicationExceptionMapper());
    }

    @Override
    @SuppressWarnings("deprecation") // the portable way to hand instances to any JAX-RS runtime
    public Set<Object> getSingletons() {
        return singletons;
    }
}
