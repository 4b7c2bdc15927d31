package org.pubky.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.keys.Keypair;
import org.pubky.core.path.Capabilities;
import org.pubky.core.path.Capability;
import org.pubky.core.testing.Failures;
import org.pubky.core.testing.RandomText;
import org.pubky.core.time.Timestamp;

/** Random and mutated input into every auth decoder, and round trips through them. */
final class AuthFuzzTest {
    private static final int CASES = 5_000;
    private static final Keypair[] KEYS = new Keypair[4];
    private static final String[] CAPS = {"", "/:rw", "/pub/app/:rw,/priv/x:r", "/pub/a:w", "/pub/é/\uD83D\uDE00/:r"};

    static {
        for (int i = 0; i < KEYS.length; i++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) i;
            KEYS[i] = Keypair.fromSecret(seed);
        }
    }

    /** A SecureRandom drawing from a seeded Random, so that runs are repeatable (and fast). */
    private static java.security.SecureRandom seeded(Random random) {
        return new java.security.SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                random.nextBytes(bytes);
            }
        };
    }

    @Test
    @Timeout(120)
    void authTokensRoundTripAndMutationsThrowOnlyPubkyException() {
        Random random = new Random(3001);
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        AuthTokenVerifier verifier = new AuthTokenVerifier(clock, new InMemoryReplayGuard(clock));
        int accepted = 0;
        for (int i = 0; i < CASES; i++) {
            Keypair key = KEYS[random.nextInt(KEYS.length)];
            Timestamp ts = new Timestamp(Timestamp.of(now).micros() + random.nextInt(300_000_000) - 150_000_000);
            Capabilities caps = Capabilities.parse(CAPS[random.nextInt(CAPS.length)]);
            AuthToken token = AuthToken.sign(key, ts, caps);
            AuthToken parsed = AuthToken.parse(token.toBytes());
            assertThat(parsed).isEqualTo(token);
            assertThat(parsed.capabilities()).isEqualTo(caps);
            assertThat(parsed.timestamp()).isEqualTo(ts);
            byte[] mutated = RandomText.mutate(random, token.toBytes());
            if (Failures.onlyPubkyException(() -> verifier.verify(mutated), "mutated token")
                    && !java.util.Arrays.equals(mutated, token.toBytes())) {
                accepted++;
            }
            byte[] noise = new byte[random.nextInt(140)];
            random.nextBytes(noise);
            Failures.onlyPubkyException(() -> AuthToken.parse(noise), "noise");
        }
        // Every changed byte is covered by the signature or checked by the parser.
        assertThat(accepted).as("mutated tokens that still verify").isZero();
    }

    @Test
    @Timeout(60)
    void cookieSessionRecordsRoundTripAndMutationsThrowOnlyPubkyException() {
        Random random = new Random(3002);
        for (int i = 0; i < CASES * 2; i++) {
            List<Capability> caps = new ArrayList<>(Capabilities.parse(CAPS[random.nextInt(CAPS.length)]).entries());
            CookieSessionRecord record = new CookieSessionRecord(KEYS[random.nextInt(KEYS.length)].publicKey(),
                    random.nextLong() >>> (1 + random.nextInt(63)), RandomText.next(random, 3).replaceAll("[\uD800-\uDFFF]", ""),
                    "ua", caps);
            assertThat(CookieSessionRecord.decode(record.encode())).isEqualTo(record);
            byte[] mutated = RandomText.mutate(random, record.encode());
            Failures.onlyPubkyException(() -> CookieSessionRecord.decode(mutated), "mutated record");
            byte[] noise = new byte[random.nextInt(60)];
            random.nextBytes(noise);
            Failures.onlyPubkyException(() -> CookieSessionRecord.decode(noise), "noise");
        }
    }

    @Test
    @Timeout(120)
    void grantsAndProofsRoundTripAndMutationsThrowOnlyPubkyException() {
        Random random = new Random(3003);
        int forged = 0;
        // Fewer rounds: each signs twice and verifies four times; still 6,000 hostile decodes.
        for (int i = 0; i < 2_000; i++) {
            Keypair user = KEYS[random.nextInt(KEYS.length)];
            Grant grant = new Grant(user.publicKey(), "app" + random.nextInt(1000),
                    Capabilities.parse(CAPS[random.nextInt(CAPS.length)]), KEYS[random.nextInt(KEYS.length)].publicKey(),
                    RandomId.generate(seeded(random)).substring(0, 1 + random.nextInt(22)),
                    random.nextInt(Integer.MAX_VALUE), random.nextLong() >>> 1);
            String jws = grant.sign(user);
            assertThat(Grant.verify(jws)).isEqualTo(grant);
            String mutated = RandomText.mutate(random, jws);
            try {
                Grant.verify(mutated);
                if (!mutated.equals(jws)) {
                    forged++;
                }
            } catch (org.pubky.spi.PubkyException expected) {
                // the only allowed failure
            }
            PopProof proof = new PopProof(KEYS[random.nextInt(KEYS.length)].publicKey(), grant.jti(),
                    RandomId.generate(seeded(random)), random.nextInt(Integer.MAX_VALUE));
            String pop = proof.sign(user);
            assertThat(PopProof.verify(pop, user.publicKey())).isEqualTo(proof);
            String mutatedPop = RandomText.mutate(random, pop);
            Failures.onlyPubkyException(() -> PopProof.verify(mutatedPop, user.publicKey()), mutatedPop);
            Failures.onlyPubkyException(() -> Jws.parse(RandomText.next(random, 10)), "random text");
        }
        assertThat(forged).as("mutated grants that still verify").isZero();
    }

    @Test
    @Timeout(30)
    void signupTokensAndSecretsThrowOnlyPubkyException() {
        Random random = new Random(3004);
        java.security.SecureRandom secure = seeded(random);
        for (int i = 0; i < CASES * 2; i++) {
            String token = RandomText.mutate(random, SignupToken.generate(secure).value());
            boolean ok = Failures.onlyPubkyException(() -> SignupToken.parse(token), token);
            assertThat(ok).isEqualTo(SignupToken.isWellFormed(token));
            String bearer = RandomText.mutate(random, BearerToken.generate(secure).value());
            Failures.onlyPubkyException(() -> new BearerToken(bearer), "bearer");
            String secret = RandomText.mutate(random, SessionSecret.generate(secure).value());
            assertThat(SessionSecret.fromCookie(secret).isPresent()).isEqualTo(SessionSecret.isWellFormed(secret));
            String id = RandomText.next(random, 4);
            Failures.onlyPubkyException(() -> RandomId.require(id, org.pubky.spi.ErrorCode.MALFORMED_INPUT, "id"), id);
        }
    }
}
