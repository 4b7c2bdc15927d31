package org.pubky.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pubky.core.testing.Failures.assertFails;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pubky.core.keys.Keypair;
import org.pubky.core.path.Capabilities;
import org.pubky.core.path.Capability;
import org.pubky.core.recovery.RecoveryFileVectors;
import org.pubky.core.time.Timestamp;
import org.pubky.spi.ErrorCode;

/** Every vector of pubky-protocol.md §9 that these codecs can be checked against, byte for byte. */
final class AuthVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Keypair SEED_0 = Keypair.fromSecret(new byte[32]);
    private static final Keypair SEED_1 = Keypair.fromSecret(filled(1));
    private static final Keypair SEED_2 = Keypair.fromSecret(filled(2));

    private static final String AUTH_TOKEN_HEX = "072028a652776bb0aa92409809ad200896ac39894ccb96c2078158efdec3b7e0"
            + "93300a437dedf23d77f0cf7cf899b359e7ffbbb937a79ada3e812dbb9fe53106"
            + "5055424b593a415554480000060a24181e40003b6a27bcceb6a42d62a3a8d02a"
            + "6f0d73653215771de243a63ac048a18b59da29042f3a7277";
    private static final long AUTH_TOKEN_MICROS = 1_700_000_000_000_000L;

    private static final String GRANT_JWS = "eyJhbGciOiJFZERTQSIsInR5cCI6InB1Ymt5LWdyYW50In0."
            + "eyJpc3MiOiI4cGlueHhncXM0MW40YWlkaWRlbnc1YXBxcDF1cmZtemR6dHI4anQ0YWJya2RuNDM1ZXdvIiwiY2xpZW50X2lk"
            + "IjoiZXhhbXBsZS5hcHAiLCJjYXBzIjpbIi9wdWIvZXhhbXBsZS5hcHAvOnJ3Il0sImNuZiI6InRrcnE4em13YjhhM205azE1"
            + "Y3N1M3ExN3FtZmdxbnA5ZHNrYnJnOXVxMXJ5ZHB5eHA3cXkiLCJqdGkiOiJBQUFBQUFBQUFBQUFBQUFBQUFBQUFBIiwiaWF0"
            + "IjoxNzAwMDAwMDAwLCJleHAiOjE3NjMwNzIwMDB9."
            + "54v9RxjapfQiAQCyNTxOUOLSU4yyNDFJnHS1Dj3Vr6CRhJje7MyuWL88IGWBrGdv5U7NJQE_zglOLDGIH8s2AQ";
    private static final String POP_JWS = "eyJhbGciOiJFZERTQSIsInR5cCI6InB1Ymt5LXBvcCJ9."
            + "eyJhdWQiOiJvcmh6cWRpZXh3bWk2aWlka3R1Y2d1ZDYzdWZhNW53dHN1emR4ZTE3NmE4aXpkNmpzcWt5IiwiZ2lkIjoiQUFB"
            + "QUFBQUFBQUFBQUFBQUFBQUFBQSIsIm5vbmNlIjoiQkJCQkJCQkJCQkJCQkJCQkJCQkJCQiIsImlhdCI6MTcwMDAwMDAwMH0."
            + "4duo-bsJhGNydy71KZt5lSNwmGaWT67vvKBP1MfJqfBoTz7U73yDL8fxueZqfJYXX6CJHrSgVKC-Jg8vI5nkAA";

    @Test
    void fixedSeedsGiveTheDocumentedKeys() {
        assertThat(HEX.formatHex(SEED_0.publicKey().bytes()))
                .isEqualTo("3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29");
        assertThat(SEED_0.publicKey().z32()).isEqualTo("8pinxxgqs41n4aididenw5apqp1urfmzdztr8jt4abrkdn435ewo");
        assertThat(SEED_1.publicKey().z32()).isEqualTo("tkrq8zmwb8a3m9k15csu3q17qmfgqnp9dskbrg9uq1rydpyxp7qy");
        assertThat(SEED_2.publicKey().z32()).isEqualTo("orhzqdiexwmi6iidktucgud63ufa5nwtsuzdxe176a8izd6jsqky");
    }

    @Test
    void authTokenIsByteExact() {
        AuthToken token = AuthToken.sign(SEED_0, new Timestamp(AUTH_TOKEN_MICROS), Capabilities.root());
        assertThat(HEX.formatHex(token.toBytes())).isEqualTo(AUTH_TOKEN_HEX);
        assertThat(token.toBytes()).hasSize(120);
    }

    @Test
    void authTokenVectorParsesAndVerifiesWithAClockAtItsTimestamp() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        AuthTokenVerifier verifier = new AuthTokenVerifier(clock, new InMemoryReplayGuard(clock));
        AuthToken token = verifier.verify(HEX.parseHex(AUTH_TOKEN_HEX));
        assertThat(token.publicKey()).isEqualTo(SEED_0.publicKey());
        assertThat(token.timestamp().micros()).isEqualTo(AUTH_TOKEN_MICROS);
        assertThat(token.capabilities().toString()).isEqualTo("/:rw");
        assertFails(() -> verifier.verify(HEX.parseHex(AUTH_TOKEN_HEX)), ErrorCode.AUTH_TOKEN_REPLAYED,
                "AuthToken already used");
    }

    @Test
    void authTokenVectorIsExpiredOnARealClock() {
        Clock now = Clock.systemUTC();
        AuthTokenVerifier verifier = new AuthTokenVerifier(now, new InMemoryReplayGuard(now));
        assertFails(() -> verifier.verify(HEX.parseHex(AUTH_TOKEN_HEX)), ErrorCode.AUTH_TOKEN_EXPIRED,
                "AuthToken has a timestamp that is more than 3 minutes in the past");
    }

    @Test
    void grantJwsIsByteExactAndVerifies() {
        Grant grant = new Grant(SEED_0.publicKey(), "example.app",
                Capabilities.of(Capability.parse("/pub/example.app/:rw")), SEED_1.publicKey(),
                "AAAAAAAAAAAAAAAAAAAAAA", 1_700_000_000L, 1_763_072_000L);
        assertThat(grant.sign(SEED_0)).isEqualTo(GRANT_JWS);
        assertThat(Grant.verify(GRANT_JWS)).isEqualTo(grant);
        assertThat(Grant.decode(GRANT_JWS)).isEqualTo(grant);
        assertThat(grant.isExpiredAt(1_763_071_999L)).isFalse();
        assertThat(grant.isExpiredAt(1_763_072_000L)).isTrue();
    }

    @Test
    void popJwsIsByteExactAndVerifies() {
        PopProof proof = new PopProof(SEED_2.publicKey(), "AAAAAAAAAAAAAAAAAAAAAA", "BBBBBBBBBBBBBBBBBBBBBB",
                1_700_000_000L);
        assertThat(proof.sign(SEED_1)).isEqualTo(POP_JWS);
        assertThat(PopProof.verify(POP_JWS, SEED_1.publicKey())).isEqualTo(proof);
        assertFails(() -> PopProof.verify(POP_JWS, SEED_0.publicKey()), ErrorCode.INVALID_SIGNATURE,
                "invalid PoP signature");
    }

    @Test
    void bearerOfZeroBytesAndItsStoredHash() {
        BearerToken bearer = BearerToken.fromBytes(new byte[32]);
        assertThat(bearer.value()).isEqualTo("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").hasSize(43);
        assertThat(HEX.formatHex(bearer.sha256()))
                .isEqualTo("0f007385b6f9d4b7eeb2748605afe1a984a0a3bfa3f014d09e2a784ce9e5cd1a");
    }

    @Test
    void cookieSessionRecordMatchesTheReferenceSerializeTest() {
        CookieSessionRecord record = new CookieSessionRecord(SEED_0.publicKey(), 0, "", "foo",
                List.of(Capability.root()));
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        expected.write(0);
        expected.writeBytes(SEED_0.publicKey().bytes());
        for (int b : new int[] {0, 0, 3, 102, 111, 111, 1, 4, 47, 58, 114, 119}) {
            expected.write(b);
        }
        assertThat(record.encode()).hasSize(45).isEqualTo(expected.toByteArray());
        assertThat(CookieSessionRecord.decode(record.encode())).isEqualTo(record);
    }

    @Test
    void sampleRecoveryFileOpensWithTheEmptyPassphraseAndRecreatesByteForByte() {
        byte[] sample = HEX.parseHex(RecoveryFileVectors.SAMPLE_RECOVERY_FILE_HEX);
        assertThat(sample).hasSize(91);
        Keypair recovered = org.pubky.core.recovery.RecoveryFile.open(sample, "");
        assertThat(RecoveryFileVectors.recreate(recovered, "", sample)).isEqualTo(sample);
    }

    private static byte[] filled(int value) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }
}
