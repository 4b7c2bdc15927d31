package org.pubky.core.homeserver.auth;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pubky.core.auth.AuthToken;
import org.pubky.core.auth.AuthTokenVerifier;
import org.pubky.core.auth.CookieSessionRecord;
import org.pubky.core.auth.SessionSecret;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.Capabilities;
import org.pubky.core.path.Capability;
import org.pubky.core.time.Timestamp;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.CookieSession;
import org.pubky.spi.storage.MetadataStore;

/**
 * The deprecated cookie flow: {@code POST /signup} and {@code POST /session} with a signed
 * AuthToken, {@code GET}/{@code DELETE /session}. Thread-safe.
 */
public final class CookieAuthService {
    private final MetadataStore store;
    private final AuthTokenVerifier verifier;
    private final SignupGate signup;
    private final Clock clock;
    private final SecureRandom random;

    public CookieAuthService(MetadataStore store, AuthTokenVerifier verifier, SignupGate signup, Clock clock,
            SecureRandom random) {
        this.store = requireNonNull(store, "store is null");
        this.verifier = requireNonNull(verifier, "verifier is null");
        this.signup = requireNonNull(signup, "signup is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.random = requireNonNull(random, "random is null");
    }

    /** A new cookie session: the cookie to set and the postcard record to answer with. */
    public record Login(PublicKey user, SessionSecret secret, byte[] record) {
        public Login {
            requireNonNull(user, "user is null");
            requireNonNull(secret, "secret is null");
            record = record.clone();
        }

        @Override
        public byte[] record() {
            return record.clone();
        }
    }

    /** {@code POST /signup}: creates the account of the token's key and signs it in. */
    public Login signup(byte[] authToken, Optional<String> signupToken, Optional<String> clientAddress) {
        Optional<String> checked = signup.checkTokenFormat(signupToken);
        AuthToken token = verifier.verify(authToken);
        Instant now = clock.instant();
        signup.createUser(token.publicKey(), now, checked, clientAddress);
        return login(token, now);
    }

    /** {@code POST /session}: signs an existing user in. */
    public Login signin(byte[] authToken) {
        AuthToken token = verifier.verify(authToken);
        if (store.users().find(token.publicKey().z32()).isEmpty()) {
            throw new PubkyException(ErrorCode.NOT_FOUND, "User not found");
        }
        return login(token, clock.instant());
    }

    /**
     * {@code GET /session}: the session record, with {@code created_at} in seconds as the
     * reference answers (its signup and signin answers use microseconds).
     */
    public byte[] describe(AuthSession session) {
        CookieSession stored = store.sessions().find(session.credentialId())
                .orElseThrow(() -> new PubkyException(ErrorCode.UNAUTHORIZED, "No session found"));
        return record(session.user(), stored.createdAt().getEpochSecond(), stored.capabilities());
    }

    /** {@code DELETE /session}: ends the session; idempotent. */
    public void signout(AuthSession session) {
        if (session.kind() == AuthSession.Kind.COOKIE) {
            store.sessions().delete(session.credentialId());
        }
    }

    private Login login(AuthToken token, Instant now) {
        SessionSecret secret = SessionSecret.generate(random);
        String capabilities = token.capabilities().toString();
        store.sessions().create(new CookieSession(SessionIds.of(secret), token.publicKey().z32(), capabilities, now));
        return new Login(token.publicKey(), secret, record(token.publicKey(), Timestamp.of(now).micros(), capabilities));
    }

    private static byte[] record(PublicKey user, long createdAt, String capabilities) {
        List<Capability> caps = capabilities.isEmpty() ? List.of() : Capabilities.parse(capabilities).entries();
        return new CookieSessionRecord(user, createdAt, "", "", caps).encode();
    }
}
