package org.pubky.embedded;

import jakarta.ws.rs.core.Application;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.pubky.core.homeserver.Homeserver;
import org.pubky.core.homeserver.HomeserverSettings;
import org.pubky.core.homeserver.SignupMode;
import org.pubky.core.homeserver.events.EventStreamSettings;
import org.pubky.core.keys.Keypair;
import org.pubky.core.storage.memory.InMemoryBlobStore;
import org.pubky.core.storage.memory.InMemoryMetadataStore;
import org.pubky.jaxrs.admin.AdminEventsResource;
import org.pubky.jaxrs.client.ClientApiApplication;
import org.pubky.jaxrs.common.EventStreamHeaders;
import org.pubky.jaxrs.common.PubkyExceptionMapper;
import org.pubky.jaxrs.common.WebApplicationExceptionMapper;

/**
 * A homeserver on in-memory stores with chosen event-stream settings, served by the embedded
 * Jetty host: the client API, and the admin events resource mounted the way the admin application
 * is to register it (without the admin password check, which is not part of the events area).
 */
final class EventHost implements AutoCloseable {
    static final String ADMIN = "admin";

    private final InMemoryMetadataStore metadata = new InMemoryMetadataStore();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(Clock.systemUTC());
    final Homeserver homeserver;
    private final JettyHost http;

    EventHost(EventStreamSettings events) {
        homeserver = new Homeserver(Keypair.random(), HomeserverSettings.defaults().withSignupMode(SignupMode.OPEN),
                metadata, blobs, Clock.systemUTC(), events);
        Application admin = new Application() {
            @Override
            @SuppressWarnings("deprecation")
            public Set<Object> getSingletons() {
                return Set.of(new AdminEventsResource(homeserver), EventStreamHeaders.admin(), new PubkyExceptionMapper(),
                        new WebApplicationExceptionMapper());
            }
        };
        http = JettyHost.start(List.of(
                new JettyHost.Listener(PubkyHomeserver.CLIENT, "127.0.0.1", 0, new ClientApiApplication(homeserver)),
                new JettyHost.Listener(ADMIN, "127.0.0.1", 0, admin)),
                new HttpLimits(50, 16 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(5)));
    }

    URI client() {
        return http.uri(PubkyHomeserver.CLIENT);
    }

    URI admin() {
        return http.uri(ADMIN);
    }

    Api api() {
        return new Api(client(), homeserver.publicKey());
    }

    @Override
    public void close() {
        homeserver.events().close();
        http.close();
        homeserver.close();
        metadata.close();
        blobs.close();
    }
}
