package org.pubky.core.homeserver.auth;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pubky.core.auth.BearerToken;
import org.pubky.core.auth.SessionSecret;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.Capabilities;
import org.pubky.core.path.Capability;
import org.pubky.spi.PubkyException;
import org.pubky.spi.auth.AccessPolicy;
import org.pubky.spi.storage.BearerSession;
import org.pubky.spi.storage.CookieSession;
import org.pubky.spi.storage.GrantRecord;
import org.pubky.spi.storage.MetadataStore;

/**
 * Turns presented credentials into a session, as the reference's authentication layer does:
 * a bearer token first, then the cookie named after the request's tenant. Anything that does not
 * check out (unknown, expired, revoked, malformed, another user's cookie) leaves the request
 * anonymous; the protected handlers then answer 401. Thread-safe.
 */
public final class CredentialResolver {
    private final MetadataStore store;
    private final Clock clock;
    private final AccessPolicy policy;

    public CredentialResolver(MetadataStore store, Clock clock) {
        this(store, clock, AccessPolicy.DEFAULT);
    }

    public CredentialResolver(MetadataStore store, Clock clock, AccessPolicy policy) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.policy = requireNonNull(policy, "policy is null");
    }

    /**
     * The request's session, if any.
     *
     * @param tenant the request's tenant; only the cookie named after it is considered
     * @param cookieWithBearer whether the cookie may still be used when a bearer scheme was
     *     presented but did not resolve (true for storage routes, false for the events stream)
     */
    public Optional<AuthSession> resolve(Credentials credentials, Optional<PublicKey> tenant, boolean cookieWithBearer) {
        Optional<AuthSession> bearer = credentials.bearerToken().flatMap(this::bearer);
        if (bearer.isPresent()) {
            return bearer;
        }
        if (credentials.presentsBearer() && !cookieWithBearer) {
            return Optional.empty();
        }
        return tenant.flatMap(t -> cookie(t, credentials));
    }

    /** The session of a bearer token, if it is live. */
    public Optional<AuthSession> bearer(String token) {
        Optional<BearerToken> parsed = BearerToken.tryParse(token);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<BearerSession> session = store.grants().findBearer(parsed.get().sha256());
        if (session.isEmpty() || !session.get().expiresAt().isAfter(now) || !session.get().grant().isActive(now)) {
            return Optional.empty();
        }
        GrantRecord grant = session.get().grant();
        return Optional.of(new AuthSession(PublicKey.fromZ32(grant.user()),
                capabilities(grant.user(), grant.clientId(), grant.capabilities()),
                AuthSession.Kind.BEARER, grant.grantId()));
    }

    /** The session of the cookie named after {@code tenant}, if it belongs to that tenant. */
    public Optional<AuthSession> cookie(PublicKey tenant, Credentials credentials) {
        String value = credentials.cookies().get(tenant.z32());
        if (value == null) {
            return Optional.empty();
        }
        Optional<SessionSecret> secret = SessionSecret.fromCookie(value);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<CookieSession> session = store.sessions().find(SessionIds.of(secret.get()));
        if (session.isEmpty() || !session.get().user().equals(tenant.z32())) {
            return Optional.empty();
        }
        return Optional.of(new AuthSession(tenant, capabilities(tenant.z32(), "cookie", session.get().capabilities()),
                AuthSession.Kind.COOKIE, session.get().id()));
    }

    /** True while the session's credential is still valid (not signed out, revoked or expired). */
    public boolean isStillValid(AuthSession session) {
        Instant now = clock.instant();
        return switch (session.kind()) {
            case COOKIE -> store.sessions().find(session.credentialId()).isPresent();
            case BEARER -> store.grants().find(session.credentialId()).filter(g -> g.isActive(now)).isPresent();
        };
    }

    /**
     * The stored capabilities after the access policy, which may only narrow them: returned
     * entries the stored ones do not cover are dropped.
     */
    private Capabilities capabilities(String user, String clientId, String stored) {
        Capabilities granted = parseOrNone(stored);
        if (policy == AccessPolicy.DEFAULT) {
            return granted;
        }
        String narrowed = policy.capabilities(user, clientId, granted.toString());
        if (narrowed == null) {
            return Capabilities.none();
        }
        List<Capability> kept = new ArrayList<>();
        for (Capability c : parseOrNone(narrowed).entries()) {
            if (granted.entries().stream().anyMatch(g -> g.covers(c))) {
                kept.add(c);
            }
        }
        return new Capabilities(kept);
    }

    private static Capabilities parseOrNone(String text) {
        try {
            return Capabilities.parse(text);
        } catch (PubkyException e) {
            return Capabilities.none(); // a list the strict parser refuses grants nothing
        }
    }
}
