package org.pubky.jaxrs.admin;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.core.Application;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pubky.core.homeserver.Homeserver;
import org.pubky.core.homeserver.admin.AdminService;
import org.pubky.jaxrs.common.CorsFilter;
import org.pubky.jaxrs.common.EventStreamHeaders;
import org.pubky.jaxrs.common.PubkyExceptionMapper;
import org.pubky.jaxrs.common.WebApplicationExceptionMapper;
import org.pubky.jaxrs.metrics.RequestMetricsFilter;
import org.pubky.spi.auth.AdminAuthenticator;

/**
 * The homeserver's admin API as a JAX-RS application: {@code GET /} (public), and behind the
 * {@link AdminAuthenticator}: {@code /info}, {@code /generate_signup_token},
 * {@code /signup_tokens}, {@code /users/{key}/disable|enable|quota}, {@code DELETE /webdav/…}, and the WebDAV subset
 * at {@code /dav/…} (HTTP Basic {@code admin:<password>}).
 * Serve it only on a listener operators can reach; it answers CORS as permissively as the
 * reference, so the password is the only guard.
 */
public final class AdminApiApplication extends Application {
    private final Set<Object> singletons;

    /**
     * @param extraResources further admin resources (such as the admin event stream), registered
     *     as they are; annotate them with {@link AdminProtected} to put them behind the password
     */
    public AdminApiApplication(Homeserver homeserver, AdminService admin, AdminAuthenticator authenticator,
            List<Object> extraResources) {
        requireNonNull(homeserver, "homeserver is null");
        requireNonNull(admin, "admin is null");
        requireNonNull(authenticator, "authenticator is null");
        Set<Object> all = new LinkedHashSet<>(List.of(
                new AdminRootResource(),
                new AdminInfoResource(admin),
                new AdminSignupTokenResource(admin),
                new AdminUserResource(admin),
                new AdminEntryResource(admin),
                new AdminDavResource(homeserver, authenticator),
                new AdminEventsResource(homeserver),
                EventStreamHeaders.admin(),
                new AdminAuthFilter(authenticator),
                new CorsFilter(null),
                new RequestMetricsFilter(homeserver.metrics(), "admin"),
                new PubkyExceptionMapper(),
                new WebApplicationExceptionMapper()));
        all.addAll(requireNonNull(extraResources, "extraResources is null"));
        this.singletons = Set.copyOf(all);
    }

    /** The admin API without extra resources. */
    public AdminApiApplication(Homeserver homeserver, AdminService admin, AdminAuthenticator authenticator) {
        this(homeserver, admin, authenticator, List.of());
    }

    @Override
    @SuppressWarnings("deprecation") // the portable way to hand instances to any JAX-RS runtime
    public Set<Object> getSingletons() {
        return singletons;
    }
}
