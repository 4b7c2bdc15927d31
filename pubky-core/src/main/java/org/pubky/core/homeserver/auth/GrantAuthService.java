package org.pubky.core.homeserver.auth;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pubky.core.auth.BearerToken;
import org.pubky.core.auth.Grant;
import org.pubky.core.auth.PopProof;
import org.pubky.core.encoding.JsonWriter;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.Capabilities;
import org.pubky.core.path.Capability;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.GrantRecord;
import org.pubky.spi.storage.MetadataStore;

/**
 * Grant authentication (protocol v0.10+): a user-signed grant plus the client's proof of
 * possession buy a one-hour bearer token; grants are listed and revoked by root sessions.
 * Checks run in the reference's order and fail with its status codes and messages. Thread-safe.
 */
public final class GrantAuthService {
    /** The only {@code client_id} a signup grant may carry. */
    public static final String SIGNUP_CLIENT_ID = "pubky.signup";
    /** Longest lifetime of a signup grant. */
    public static final long SIGNUP_MAX_LIFETIME_SECONDS = 300;
    /** How long proof-of-possession nonces are remembered (twice the freshness window). */
    public static final Duration NONCE_RETENTION = Duration.ofSeconds(2 * PopProof.MAX_AGE_SECONDS);

    private final MetadataStore store;
    private final PublicKey homeserver;
    private final SignupGate signup;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration bearerLifetime;

    public GrantAuthService(MetadataStore store, PublicKey homeserver, SignupGate signup, Clock clock,
            SecureRandom random, Duration bearerLifetime) {
        this.store = requireNonNull(store, "store is null");
        this.homeserver = requireNonNull(homeserver, "homeserver is null");
        this.signup = requireNonNull(signup, "signup is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.random = requireNonNull(random, "random is null");
        this.bearerLifetime = requireNonNull(bearerLifetime, "bearerLifetime is null");
    }

    /** A minted bearer token and the session it opens. */
    public record Minted(BearerToken token, GrantSessionInfo session) {
        /** The {@code POST /auth/grant/session} answer. */
        public String toJson() {
            JsonWriter json = new JsonWriter().beginObject().name("token").value(token.value()).name("session");
            session.writeTo(json);
            return json.endObject().toString();
        }
    }

    /** {@code POST /auth/grant/session}: verifies grant and proof, stores the grant, mints a bearer. */
    public Minted createSession(GrantRequest request) {
        long now = clock.instant().getEpochSecond();
        Grant grant = verifyGrant(request.grant());
        if (grant.isExpiredAt(now)) {
            throw new PubkyException(ErrorCode.UNAUTHORIZED, "Invalid grant: grant has expired");
        }
        if (store.grants().find(grant.jti()).flatMap(GrantRecord::revokedAt).isPresent()) {
            throw new PubkyException(ErrorCode.UNAUTHORIZED, "Grant has been revoked");
        }
        verifyPop(request.pop(), grant, now);
        if (store.users().find(grant.iss().z32()).isEmpty()) {
            throw new PubkyException(ErrorCode.NOT_FOUND, "User not found");
        }
        Instant at = clock.instant();
        GrantRecord stored = store.grants().storeIfAbsent(new GrantRecord(grant.jti(), grant.iss().z32(),
                grant.clientId(), grant.cnf().z32(), grant.caps().toString(), Instant.ofEpochSecond(grant.iat()),
                Instant.ofEpochSecond(grant.exp()), Optional.empty(), at));
        if (!stored.user().equals(grant.iss().z32())) {
            throw new PubkyException(ErrorCode.FORBIDDEN, "Grant does not belong to authenticated user");
        }
        if (stored.revokedAt().isPresent()) {
            throw new PubkyException(ErrorCode.UNAUTHORIZED, "Grant has been revoked");
        }
        BearerToken token = BearerToken.generate(random);
        Instant expires = at.plus(bearerLifetime);
        store.grants().replaceBearer(stored.grantId(), token.sha256(), expires);
        return new Minted(token, info(stored, expires));
    }

    /** {@code POST /auth/grant/signup}: creates the account of a signup grant; no session. */
    public void signup(GrantRequest request, Optional<String> signupToken, Optional<String> clientAddress) {
        Optional<String> checked = signup.checkTokenFormat(signupToken);
        long now = clock.instant().getEpochSecond();
        Grant grant = verifyGrant(request.grant());
        if (!SIGNUP_CLIENT_ID.equals(grant.clientId())) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "signup grants must use client_id " + SIGNUP_CLIENT_ID);
        }
        if (!grant.caps().hasRoot()) {
            throw new PubkyException(ErrorCode.FORBIDDEN, "signup grants must include the root capability /:rw");
        }
        if (grant.iat() > now + PopProof.MAX_AGE_SECONDS) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "signup grant issued in the future");
        }
        if (grant.exp() - grant.iat() > SIGNUP_MAX_LIFETIME_SECONDS) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "signup grant lifetime exceeds 5 minutes");
        }
        if (grant.isExpiredAt(now)) {
            throw new PubkyException(ErrorCode.UNAUTHORIZED, "Invalid grant: grant has expired");
        }
        verifyPop(request.pop(), grant, now);
        signup.createUser(grant.iss(), clock.instant(), checked, clientAddress);
    }

    /** {@code GET /auth/grant/session}: the bearer session's details. */
    public GrantSessionInfo describe(AuthSession session, String bearer) {
        if (session.kind() != AuthSession.Kind.BEARER) {
            throw new PubkyException(ErrorCode.UNAUTHORIZED, "Session not found");
        }
        BearerToken token = BearerToken.tryParse(bearer)
                .orElseThrow(() -> new PubkyException(ErrorCode.UNAUTHORIZED, "Session not found"));
        return store.grants().findBearer(token.sha256())
                .map(b -> info(b.grant(), b.expiresAt()))
                .orElseThrow(() -> new PubkyException(ErrorCode.UNAUTHORIZED, "Session not found"));
    }

    /** {@code DELETE /auth/grant/session}: revokes the bearer's whole grant; harmless otherwise. */
    public void signout(Optional<AuthSession> session) {
        session.filter(s -> s.kind() == AuthSession.Kind.BEARER)
                .ifPresent(s -> store.grants().revoke(s.credentialId(), clock.instant()));
    }

    /** {@code GET /auth/grant/sessions}: the user's active grants (root sessions only). */
    public String listActive(AuthSession session) {
        requireRoot(session);
        List<GrantRecord> grants = store.grants().listActive(session.user().z32(), clock.instant());
        JsonWriter json = new JsonWriter().beginArray();
        for (GrantRecord g : grants) {
            json.beginObject()
                    .name("grant_id").value(g.grantId())
                    .name("client_id").value(g.clientId())
                    .name("capabilities").value(g.capabilities())
                    .name("issued_at").value(g.issuedAt().getEpochSecond())
                    .name("expires_at").value(g.expiresAt().getEpochSecond())
                    .endObject();
        }
        return json.endArray().toString();
    }

    /** {@code DELETE /auth/grant/session/{gid}}: revokes one of the user's grants (root only). */
    public void revoke(AuthSession session, String grantId) {
        requireRoot(session);
        if (!org.pubky.core.auth.RandomId.isValid(grantId)) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "Invalid grant id");
        }
        GrantRecord grant = store.grants().find(grantId)
                .orElseThrow(() -> new PubkyException(ErrorCode.NOT_FOUND, "Grant not found"));
        if (!grant.user().equals(session.user().z32())) {
            throw new PubkyException(ErrorCode.FORBIDDEN, "Grant does not belong to authenticated user");
        }
        store.grants().revoke(grantId, clock.instant());
    }

    /** Forgets proof-of-possession nonces and bearer tokens that can no longer matter. */
    public void purge() {
        Instant now = clock.instant();
        store.replays().purgeOlderThan(now.minus(NONCE_RETENTION));
        store.grants().purgeExpiredBearers(now);
    }

    private static void requireRoot(AuthSession session) {
        if (!session.capabilities().hasRoot()) {
            throw new PubkyException(ErrorCode.FORBIDDEN, "Root capability required");
        }
    }

    private static Grant verifyGrant(String compact) {
        try {
            return Grant.verify(compact);
        } catch (PubkyException e) {
            ErrorCode code = e.code() == ErrorCode.INVALID_SIGNATURE ? ErrorCode.UNAUTHORIZED : ErrorCode.MALFORMED_INPUT;
            throw new PubkyException(code, "Invalid grant: " + e.getMessage(), e);
        }
    }

    private void verifyPop(String compact, Grant grant, long now) {
        PopProof proof;
        try {
            proof = PopProof.verify(compact, grant.cnf());
        } catch (PubkyException e) {
            throw popError(e.getMessage());
        }
        if (!proof.aud().equals(homeserver)) {
            throw popError("PoP audience mismatch");
        }
        if (!proof.gid().equals(grant.jti())) {
            throw popError("PoP grant ID mismatch");
        }
        if (!proof.isFreshAt(now)) {
            throw popError("PoP timestamp out of range");
        }
        if (!store.replays().firstUse("pop:" + proof.nonce(), clock.instant())) {
            throw new PubkyException(ErrorCode.UNAUTHORIZED, "PoP nonce already used");
        }
    }

    private GrantSessionInfo info(GrantRecord grant, Instant tokenExpires) {
        List<String> caps = Capabilities.parse(grant.capabilities()).entries().stream().map(Capability::toString).toList();
        return new GrantSessionInfo(homeserver.z32(), grant.user(), grant.clientId(), caps, grant.grantId(),
                tokenExpires.getEpochSecond(), grant.expiresAt().getEpochSecond(), grant.createdAt().getEpochSecond());
    }

    private static PubkyException popError(String reason) {
        return new PubkyException(ErrorCode.UNAUTHORIZED, "Invalid PoP proof: " + reason);
    }
}
