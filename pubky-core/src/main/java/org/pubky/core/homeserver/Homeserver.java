package org.pubky.core.homeserver;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import org.pubky.core.auth.AuthTokenVerifier;
import org.pubky.core.homeserver.auth.CookieAuthService;
import org.pubky.core.homeserver.auth.CredentialResolver;
import org.pubky.core.homeserver.auth.GrantAuthService;
import org.pubky.core.homeserver.auth.SignupGate;
import org.pubky.core.homeserver.auth.StoreReplayGuard;
import org.pubky.core.homeserver.limits.BandwidthLimiter;
import org.pubky.core.homeserver.limits.RateLimiter;
import org.pubky.core.homeserver.metrics.HomeserverMetrics;
import org.pubky.core.homeserver.events.EventService;
import org.pubky.core.homeserver.events.EventStreamSettings;
import org.pubky.core.homeserver.policy.Policies;
import org.pubky.core.homeserver.quota.QuotaResolver;
import org.pubky.core.homeserver.storage.StorageService;
import org.pubky.core.keys.Keypair;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.time.TimestampClock;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.MetadataStore;

/**
 * One homeserver: its key, settings and stores, and the services the HTTP face calls. Transport
 * free — the embedded runtime and the WAR both wrap the same instance.
 *
 * <p>Thread-safe. Owns neither store: whoever opened them closes them after this is closed.
 */
public final class Homeserver implements AutoCloseable {
    private final Keypair keypair;
    private final HomeserverSettings settings;
    private final MetadataStore metadata;
    private final BlobStore blobs;
    private final Clock clock;
    private final TimestampClock timestamps;
    private final CredentialResolver credentials;
    private final SignupGate signup;
    private final CookieAuthService cookies;
    private final GrantAuthService grants;
    private final StorageService storage;
    private final QuotaResolver quotas;
    private final SecureRandom random;
    private final Policies policies;
    private final RateLimiter rateLimiter;
    private final BandwidthLimiter bandwidth;
    private final HomeserverMetrics metrics;
    private final EventService events;

    public Homeserver(Keypair keypair, HomeserverSettings settings, MetadataStore metadata, BlobStore blobs, Clock clock) {
        this(keypair, settings, metadata, blobs, clock, EventStreamSettings.defaults());
    }

    /** As the other constructor, with explicit settings for the event streams (tests, tuning). */
    public Homeserver(Keypair keypair, HomeserverSettings settings, MetadataStore metadata, BlobStore blobs, Clock clock,
            EventStreamSettings eventStreams) {
        this(keypair, settings, metadata, blobs, clock, eventStreams, Policies.builtIn(settings.signupPolicy()));
    }

    /**
     * As the other constructors, with the signup and access policies to use (the runtime opens
     * them from configuration; this homeserver closes them on {@link #close()}).
     */
    public Homeserver(Keypair keypair, HomeserverSettings settings, MetadataStore metadata, BlobStore blobs, Clock clock,
            EventStreamSettings eventStreams, Policies policies) {
        this.keypair = requireNonNull(keypair, "keypair is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.blobs = requireNonNull(blobs, "blobs is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.random = new SecureRandom();
        this.timestamps = new TimestampClock(clock, random.nextInt(256));
        this.policies = requireNonNull(policies, "policies is null");
        this.quotas = new QuotaResolver(settings.quota(), policies.access());
        this.credentials = new CredentialResolver(metadata, clock, policies.access());
        this.metrics = new HomeserverMetrics(metadata);
        this.signup = new SignupGate(metadata, policies.signup(), metrics);
        this.cookies = new CookieAuthService(metadata,
                new AuthTokenVerifier(clock, new StoreReplayGuard(metadata.replays(), clock)), signup, clock, random);
        this.grants = new GrantAuthService(metadata, keypair.publicKey(), signup, clock, random, settings.bearerLifetime());
        this.storage = new StorageService(metadata, blobs, quotas, clock, settings.maxUploadBytes());
        this.rateLimiter = new RateLimiter(settings.rateLimits(), clock);
        this.bandwidth = new BandwidthLimiter(quotas);
        this.events = new EventService(metadata, credentials, eventStreams);
    }

    /** Request-count limits of the client API. */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** Bandwidth budgets of users and anonymous clients. */
    public BandwidthLimiter bandwidth() {
        return bandwidth;
    }

    public PublicKey publicKey() {
        return keypair.publicKey();
    }

    /** The homeserver's key pair (signs its PKARR packet). */
    public Keypair keypair() {
        return keypair;
    }

    public HomeserverSettings settings() {
        return settings;
    }

    public MetadataStore metadata() {
        return metadata;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public Clock clock() {
        return clock;
    }

    public TimestampClock timestamps() {
        return timestamps;
    }

    public SecureRandom random() {
        return random;
    }

    public CredentialResolver credentials() {
        return credentials;
    }

    public SignupGate signup() {
        return signup;
    }

    public CookieAuthService cookies() {
        return cookies;
    }

    public GrantAuthService grants() {
        return grants;
    }

    public StorageService storage() {
        return storage;
    }

    public QuotaResolver quotas() {
        return quotas;
    }

    /** What this homeserver measures (exposed on the metrics listener). */
    public HomeserverMetrics metrics() {
        return metrics;
    }

    /** The event feed and streams. */
    public EventService events() {
        return events;
    }

    /** Ends every open event stream and stops the event threads. */
    @Override
    public void close() {
        try {
            events.close();
        } finally {
            policies.signup().close();
            policies.access().close();
        }
    }
}
