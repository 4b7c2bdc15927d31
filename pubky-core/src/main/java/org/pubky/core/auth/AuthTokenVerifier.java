package org.pubky.core.auth;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import org.pubky.core.time.Timestamp;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Verifies AuthTokens as the homeserver does before a cookie signup or signin, in the
 * reference's order: layout and version, clock window, signature, replay.
 *
 * <p>The token's timestamp may differ from this clock by at most {@link #WINDOW} either way
 * (exactly 180 s is still accepted). Thread-safe if the {@link ReplayGuard} is.
 */
public final class AuthTokenVerifier {
    /** Accepted distance between the token's timestamp and the verifier's clock. */
    public static final Duration WINDOW = Duration.ofSeconds(180);
    private static final long WINDOW_MICROS = WINDOW.toNanos() / 1_000;

    private final Clock clock;
    private final ReplayGuard replayGuard;

    public AuthTokenVerifier(Clock clock, ReplayGuard replayGuard) {
        this.clock = requireNonNull(clock, "clock is null");
        this.replayGuard = requireNonNull(replayGuard, "replayGuard is null");
    }

    /**
     * Parses and verifies a serialized token and records it as used.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_AUTH_TOKEN} (layout, {@code Unknown version},
     *     {@code Invalid Signature}), {@link ErrorCode#INVALID_CAPABILITIES},
     *     {@link ErrorCode#AUTH_TOKEN_EXPIRED}, {@link ErrorCode#AUTH_TOKEN_IN_FUTURE} or
     *     {@link ErrorCode#AUTH_TOKEN_REPLAYED} ({@code AuthToken already used})
     */
    public AuthToken verify(byte[] serialized) {
        AuthToken token = AuthToken.parse(serialized);
        long now = Timestamp.of(clock.instant()).micros();
        long diff = token.timestamp().micros() - now;
        if (diff > WINDOW_MICROS) {
            throw new PubkyException(ErrorCode.AUTH_TOKEN_IN_FUTURE,
                    "AuthToken has a timestamp that is more than 3 minutes in the future");
        }
        if (diff < -WINDOW_MICROS) {
            throw new PubkyException(ErrorCode.AUTH_TOKEN_EXPIRED,
                    "AuthToken has a timestamp that is more than 3 minutes in the past");
        }
        token.verifySignature();
        if (!replayGuard.firstUse(token.timestamp(), token.publicKey())) {
            throw new PubkyException(ErrorCode.AUTH_TOKEN_REPLAYED, "AuthToken already used");
        }
        return token;
    }
}
