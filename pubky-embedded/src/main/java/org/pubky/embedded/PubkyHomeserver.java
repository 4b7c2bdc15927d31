package org.pubky.embedded;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.pubky.core.config.PubkyConfig;
import org.pubky.core.homeserver.Homeserver;
import org.pubky.core.homeserver.HomeserverSettings;
import org.pubky.core.homeserver.SignupMode;
import org.pubky.core.homeserver.StorageSelection;
import org.pubky.core.homeserver.admin.AdminService;
import org.pubky.core.keys.Keypair;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.keys.SecretFile;
import org.pubky.core.relay.HttpRelay;
import org.pubky.jaxrs.admin.AdminApiApplication;
import org.pubky.jaxrs.client.ClientApiApplication;
import org.pubky.jaxrs.metrics.MetricsApplication;
import org.pubky.jaxrs.relay.HttpRelayApplication;
import org.pubky.jaxrs.relay.RelaySettings;
import org.pubky.spi.auth.AdminAuthenticator;
import org.pubky.core.homeserver.events.EventStreamSettings;
import org.pubky.core.homeserver.policy.Policies;
import org.pubky.spi.auth.AccessPolicy;
import org.pubky.spi.auth.SignupPolicy;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.MetadataStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A homeserver running in this JVM: the client API and, when configured, the admin API, the PKARR
 * relay and the HTTP relay, each on its own listener.
 *
 * <pre>{@code
 * try (PubkyHomeserver server = PubkyHomeserver.builder().dataDir(dir).clientPort(0).start()) {
 *     URI api = server.clientUri();
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the listeners (letting in-flight requests finish) and
 * releases every store; it is idempotent. Several instances may run in one JVM.
 */
public final class PubkyHomeserver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PubkyHomeserver.class);

    static final String CLIENT = "client";
    static final String HTTP_RELAY = "http-relay";
    static final String ADMIN = "admin";
    static final String METRICS = "metrics";

    private final Homeserver homeserver;
    private final JettyHost http;
    private final List<AutoCloseable> owned;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PubkyHomeserver(Homeserver homeserver, JettyHost http, List<AutoCloseable> owned) {
        this.homeserver = homeserver;
        this.http = http;
        this.owned = owned;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The homeserver's public key (its identity on the PKARR network). */
    public PublicKey publicKey() {
        return homeserver.publicKey();
    }

    /** The transport-free homeserver behind the listeners (stores, services). */
    public Homeserver homeserver() {
        return homeserver;
    }

    /** Where the client API listens. */
    public URI clientUri() {
        return http.uri(CLIENT);
    }

    /** Where the HTTP relay listens, if enabled. */
    public Optional<URI> httpRelayUri() {
        return http.has(HTTP_RELAY) ? Optional.of(http.uri(HTTP_RELAY)) : Optional.empty();
    }

    /** Where the admin API listens, if enabled (it needs a password or an authenticator). */
    public Optional<URI> adminUri() {
        return http.has(ADMIN) ? Optional.of(http.uri(ADMIN)) : Optional.empty();
    }

    /** Where {@code GET /metrics} is served, if a metrics port is configured. */
    public Optional<URI> metricsUri() {
        return http.has(METRICS) ? Optional.of(http.uri(METRICS)) : Optional.empty();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                // event streams never end by themselves: end them first so the listeners stop gracefully
                homeserver.events().close();
                http.close();
            } finally {
                homeserver.close();
                Closer.closeAll(owned);
            }
            LOG.info("homeserver {} stopped", homeserver.publicKey());
        }
    }

    /**
     * Configures and starts a {@link PubkyHomeserver}. Every setter maps to a key of the flat
     * configuration namespace ({@code docs/configuration.md}); {@link #config(Map)} sets any key.
     * Not thread-safe; use once.
     */
    public static final class Builder {
        private final PubkyConfig.Builder config = PubkyConfig.builder();
        private Keypair keypair;
        private Clock clock = Clock.systemUTC();
        private MetadataStore metadata;
        private SignupPolicy signupPolicy;
        private AccessPolicy accessPolicy;
        private BlobStore blobs;

        private Builder() {
        }

        /** Lays configuration keys (for example from a properties file) under the explicit setters. */
        public Builder config(Map<String, String> values) {
            config.putAll(values);
            return this;
        }

        /** The data directory (key file, LMDB, blobs). Without one, storage is in memory. */
        public Builder dataDir(Path dir) {
            config.put(Keys.DATA_DIR, dir.toString());
            return this;
        }

        /** The homeserver key; by default read from {@code <data dir>/secret} or created there. */
        public Builder keypair(Keypair keypair) {
            this.keypair = requireNonNull(keypair, "keypair is null");
            return this;
        }

        /** The address every listener binds to (default {@code 127.0.0.1}). */
        public Builder listenHost(String host) {
            config.put(Keys.LISTEN, host);
            return this;
        }

        /** The client API port (default 6286; 0 picks a free port). */
        public Builder clientPort(int port) {
            config.put(Keys.CLIENT_PORT, Integer.toString(port));
            return this;
        }

        /** The HTTP relay port (0 picks a free one; default: disabled). */
        public Builder httpRelayPort(int port) {
            config.put(Keys.HTTP_RELAY_PORT, Integer.toString(port));
            return this;
        }

        /** The admin API port (default 6288; 0 picks a free one). The API runs only with a password. */
        public Builder adminPort(int port) {
            config.put(Keys.ADMIN_PORT, Integer.toString(port));
            return this;
        }

        /**
         * The admin password ({@code X-Admin-Password}); setting one enables the admin API. Kept
         * only as configuration, masked wherever configuration is printed.
         */
        public Builder adminPassword(String password) {
            config.put(Keys.ADMIN_PASSWORD, requireNonNull(password, "password is null"));
            return this;
        }

        /** The metrics port, serving {@code GET /metrics} (0 picks a free one; default: off). */
        public Builder metricsPort(int port) {
            config.put(Keys.METRICS_PORT, Integer.toString(port));
            return this;
        }

        /** Uses this metadata store (the caller keeps ownership and closes it). */
        public Builder metadataStore(MetadataStore store) {
            this.metadata = requireNonNull(store, "store is null");
            return this;
        }

        /** Uses the metadata store provider with this name ({@code lmdb}, {@code jdbc}, {@code memory}, …). */
        public Builder metadataStore(String providerName) {
            config.put(StorageSelection.METADATA_KEY, providerName);
            return this;
        }

        /** Uses this blob store (the caller keeps ownership and closes it). */
        public Builder blobStore(BlobStore store) {
            this.blobs = requireNonNull(store, "store is null");
            return this;
        }

        /** Uses the blob store provider with this name ({@code files}, {@code jdbc}, {@code memory}, …). */
        public Builder blobStore(String providerName) {
            config.put(StorageSelection.BLOBS_KEY, providerName);
            return this;
        }

        /** Who may sign up (default {@link SignupMode#TOKEN_REQUIRED}). */
        public Builder signupMode(SignupMode mode) {
            config.put("pubky.signup.mode", mode.wireName());
            return this;
        }

        /**
         * Decides signups with this policy instead of the configured mode (the homeserver closes it
         * when it stops).
         */
        public Builder signupPolicy(SignupPolicy policy) {
            this.signupPolicy = requireNonNull(policy, "policy is null");
            return this;
        }

        /** Applies this access policy to limits and session capabilities (closed when the homeserver stops). */
        public Builder accessPolicy(AccessPolicy policy) {
            this.accessPolicy = requireNonNull(policy, "policy is null");
            return this;
        }

        /** The clock every timestamp comes from (tests). */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        /** Starts the server; on failure everything opened so far is closed again. */
        public PubkyHomeserver start() {
            PubkyConfig cfg = config.build();
            Optional<Path> dataDir = cfg.get(Keys.DATA_DIR).map(Path::of);
            Keypair key = keypair != null ? keypair
                    : dataDir.map(SecretFile::readOrCreate).orElseGet(Keypair::random);
            List<AutoCloseable> owned = new ArrayList<>();
            try {
                ClassLoader loader = PubkyHomeserver.class.getClassLoader();
                MetadataStore meta = metadata;
                if (meta == null) {
                    meta = StorageSelection.openMetadata(cfg, dataDir, clock, Map.of(), loader);
                    owned.add(0, meta);
                }
                BlobStore blob = blobs;
                if (blob == null) {
                    blob = StorageSelection.openBlobs(cfg, dataDir, clock, Map.of(), loader);
                    owned.add(0, blob);
                }
                HomeserverSettings settings = HomeserverSettings.from(cfg);
                Policies configured = Policies.open(settings.signupPolicy(), cfg, loader);
                Policies policies = new Policies(signupPolicy != null ? signupPolicy : configured.signup(),
                        accessPolicy != null ? accessPolicy : configured.access());
                Homeserver homeserver = new Homeserver(key, settings, meta, blob, clock,
                        EventStreamSettings.defaults(), policies);
                Optional<AdminAuthenticator> admin = AdminSetup.openAuthenticator(cfg, dataDir, clock, loader);
                admin.ifPresent(a -> owned.add(0, a));
                return startHttp(cfg, homeserver, admin, owned);
            } catch (RuntimeException e) {
                Closer.closeAll(owned);
                throw e;
            }
        }

        private PubkyHomeserver startHttp(PubkyConfig cfg, Homeserver homeserver, Optional<AdminAuthenticator> admin,
                List<AutoCloseable> owned) {
            String host = cfg.get(Keys.LISTEN, "127.0.0.1");
            List<JettyHost.Listener> listeners = new ArrayList<>();
            listeners.add(new JettyHost.Listener(CLIENT, host, cfg.getInt(Keys.CLIENT_PORT, 6286),
                    new ClientApiApplication(homeserver)));
            AtomicInteger clientPort = new AtomicInteger();
            if (admin.isPresent()) {
                AdminService service = new AdminService(homeserver, AdminSetup.version(), clientPort::get);
                listeners.add(new JettyHost.Listener(ADMIN, host, cfg.getInt(Keys.ADMIN_PORT, 6288),
                        new AdminApiApplication(homeserver, service, admin.get())));
            }
            int metricsPort = cfg.getInt(Keys.METRICS_PORT, -1);
            if (metricsPort >= 0) {
                listeners.add(new JettyHost.Listener(METRICS, host, metricsPort,
                        new MetricsApplication(homeserver.metrics())));
            }
            int relayPort = cfg.getInt(Keys.HTTP_RELAY_PORT, -1);
            if (relayPort >= 0) {
                RelaySettings defaults = RelaySettings.defaults();
                RelaySettings settings = new RelaySettings(
                        cfg.getInt(Keys.HTTP_RELAY_MAX_BODY, defaults.maxBodyBytes()),
                        cfg.getDuration(Keys.HTTP_RELAY_INBOX_TIMEOUT, defaults.inboxTimeout()),
                        cfg.getDuration(Keys.HTTP_RELAY_LINK_TIMEOUT, defaults.linkTimeout()));
                listeners.add(new JettyHost.Listener(HTTP_RELAY, host, relayPort,
                        new HttpRelayApplication(HttpRelay.withDefaults(clock), settings)));
            }
            HttpLimits limits = new HttpLimits(cfg.getInt(Keys.HTTP_MAX_THREADS, 200),
                    cfg.getInt(Keys.HTTP_MAX_HEADER_BYTES, 16 * 1024),
                    cfg.getDuration(Keys.HTTP_IDLE_TIMEOUT, Duration.ofSeconds(30)),
                    cfg.getDuration(Keys.HTTP_STOP_TIMEOUT, Duration.ofSeconds(10)));
            JettyHost http = JettyHost.start(listeners, limits);
            PubkyHomeserver server = new PubkyHomeserver(homeserver, http, owned);
            clientPort.set(server.clientUri().getPort());
            LOG.info("homeserver {} listening on {}", homeserver.publicKey(), server.clientUri());
            server.adminUri().ifPresent(uri -> LOG.info("admin API listening on {}", uri));
            server.metricsUri().ifPresent(uri -> LOG.info("metrics listening on {}/metrics", uri));
            return server;
        }
    }
}
