package org.pubky.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pubky.core.testing.Failures.assertFails;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pubky.core.encoding.Base64Url;
import org.pubky.core.encoding.Json;
import org.pubky.core.keys.Keypair;
import org.pubky.core.path.Capabilities;
import org.pubky.core.path.Capability;
import org.pubky.spi.ErrorCode;

final class JwsTest {
    private static final Keypair USER = Keypair.fromSecret(seed(3));
    private static final Keypair CLIENT = Keypair.fromSecret(seed(4));
    private static final Keypair HOMESERVER = Keypair.fromSecret(seed(5));
    private static final Grant GRANT = new Grant(USER.publicKey(), "franky.pubky.app", Capabilities.root(),
            CLIENT.publicKey(), "abcDEF012-_", 1_700_000_000L, 1_700_003_600L);

    /** A compact JWS with an arbitrary header, signed over the usual signing input. */
    private static String compact(Keypair signer, String header, String payload) {
        String input = Base64Url.encode(header.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(payload.getBytes(StandardCharsets.UTF_8));
        return input + "." + Base64Url.encode(signer.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** HS-CODEC-021. */
    @Test
    void headerIsExactlyAlgThenTyp() {
        String jws = Jws.sign(USER, "pubky-test", "{}");
        String header = new String(Base64Url.decode(jws.substring(0, jws.indexOf('.')), ErrorCode.INVALID_JWS),
                StandardCharsets.UTF_8);
        assertThat(header).isEqualTo("{\"alg\":\"EdDSA\",\"typ\":\"pubky-test\"}");
        assertThat(Jws.parse(jws).type()).contains("pubky-test");
    }

    /** HS-CODEC-021. */
    @Test
    void signatureIsRawEd25519OverTheAsciiSigningInput() {
        String jws = Jws.sign(USER, "pubky-test", "{\"foo\":\"bar\"}");
        String[] parts = jws.split("\\.");
        assertThat(parts).hasSize(3);
        byte[] signature = Base64Url.decode(parts[2], ErrorCode.INVALID_JWS);
        assertThat(signature).hasSize(64);
        assertThat(USER.publicKey().verify((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature))
                .isTrue();
        Jws parsed = Jws.parse(jws);
        assertThat(parsed.isSignedBy(USER.publicKey())).isTrue();
        assertThat(parsed.isSignedBy(CLIENT.publicKey())).isFalse();
        assertThat(new String(parsed.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"foo\":\"bar\"}");
        assertThat(parsed.claims("test").string("foo")).isEqualTo("bar");
        assertThat(parsed.compact()).isEqualTo(jws);
        assertThat(parsed.toString()).isEqualTo("Jws[typ=pubky-test]");
    }

    /** HS-CODEC-021. */
    @ParameterizedTest
    @ValueSource(strings = {"only-one-part", "a.b", "not.a.valid.jws.toomanyparts", "a.b.c.d", "...", ""})
    void exactlyThreePartsAreRequired(String text) {
        assertFails(() -> Jws.parse(text), ErrorCode.INVALID_JWS, "JWS compact must have 3 dot-separated parts");
    }

    @Test
    void threeEmptyPartsSplitButCarryNoHeader() {
        assertFails(() -> Jws.parse(".."), ErrorCode.INVALID_JWS, "invalid JSON at offset 0: unexpected end of input");
    }

    @Test
    void malformedSegmentsAreInvalidJws() {
        String good = GRANT.sign(USER);
        String[] p = good.split("\\.");
        assertFails(() -> Jws.parse(p[0] + "=." + p[1] + "." + p[2]), ErrorCode.INVALID_JWS, "invalid base64url in JWS header");
        assertFails(() -> Jws.parse(p[0] + "." + p[1] + "+." + p[2]), ErrorCode.INVALID_JWS, "invalid base64url in JWS payload");
        assertFails(() -> Jws.parse(p[0] + "." + p[1] + "." + p[2] + "!"), ErrorCode.INVALID_JWS,
                "invalid base64url in JWS signature");
        assertFails(() -> Jws.parse(p[0] + "." + p[1] + "." + p[2].substring(0, 40)), ErrorCode.INVALID_JWS,
                "JWS signature must be 64 bytes, got 30");
        assertFails(() -> Jws.parse("x".repeat(Jws.MAX_LENGTH + 1)), ErrorCode.INVALID_JWS, "JWS longer than 65536 characters");
    }

    @Test
    void headerMustBeAnEdDsaJsonObject() {
        String payload = GRANT.toJson();
        assertFails(() -> Jws.parse(compact(USER, "{\"alg\":\"none\",\"typ\":\"pubky-grant\"}", payload)),
                ErrorCode.INVALID_JWS, "JWS alg must be EdDSA");
        assertFails(() -> Jws.parse(compact(USER, "{\"alg\":\"HS256\"}", payload)), ErrorCode.INVALID_JWS,
                "JWS alg must be EdDSA");
        assertFails(() -> Jws.parse(compact(USER, "{\"typ\":\"pubky-grant\"}", payload)), ErrorCode.INVALID_JWS,
                "JWS header: missing field `alg`");
        assertFails(() -> Jws.parse(compact(USER, "[]", payload)), ErrorCode.INVALID_JWS, "JWS header must be a JSON object");
        assertFails(() -> Jws.parse(compact(USER, "{\"alg\":\"EdDSA\",\"typ\":7}", payload)), ErrorCode.INVALID_JWS,
                "JWS header: field `typ` must be a string");
        assertFails(() -> Jws.parse(compact(USER, "{\"alg\":\"EdDSA\",\"alg\":\"EdDSA\"}", payload)), ErrorCode.INVALID_JWS,
                "invalid JSON at offset 15: duplicate key");
    }

    @Test
    void headersAsOtherJoseLibrariesWriteThemAreAccepted() {
        // jsonwebtoken (used by the reference's tests) writes typ before alg; kid is ignored.
        String jws = compact(USER, "{\"typ\":\"pubky-grant\",\"alg\":\"EdDSA\",\"kid\":\"k1\"}", GRANT.toJson());
        assertThat(Grant.verify(jws)).isEqualTo(GRANT);
        String spaced = compact(USER, "{ \"alg\" : \"EdDSA\" , \"typ\" : \"pubky-grant\" }", GRANT.toJson());
        assertThat(Grant.verify(spaced)).isEqualTo(GRANT);
    }

    @Test
    void grantVerificationOrderAndErrors() {
        assertThat(Grant.verify(GRANT.sign(USER))).isEqualTo(GRANT);
        assertFails(() -> Grant.verify(GRANT.sign(CLIENT)), ErrorCode.INVALID_SIGNATURE, "invalid grant signature");
        assertFails(() -> Grant.verify(Jws.sign(USER, "wrong-typ", GRANT.toJson())), ErrorCode.INVALID_JWS,
                "invalid grant header type, expected pubky-grant");
        assertFails(() -> Grant.verify(compact(USER, "{\"alg\":\"EdDSA\"}", GRANT.toJson())), ErrorCode.INVALID_JWS,
                "invalid grant header type, expected pubky-grant");
        // A PoP is not a grant, even if correctly signed.
        assertFails(() -> Grant.verify(Jws.sign(USER, Jws.POP_TYPE, GRANT.toJson())), ErrorCode.INVALID_JWS,
                "invalid grant header type, expected pubky-grant");
        // The signature is checked before the type.
        assertFails(() -> Grant.verify(Jws.sign(CLIENT, "wrong-typ", GRANT.toJson())), ErrorCode.INVALID_SIGNATURE,
                "invalid grant signature");
        // Decoding alone does not check the signature.
        assertThat(Grant.decode(GRANT.sign(CLIENT))).isEqualTo(GRANT);
    }

    @Test
    void grantClaimsAreValidated() {
        String base = GRANT.toJson();
        assertFails(() -> Grant.verify(Jws.sign(USER, Jws.GRANT_TYPE, base.replace("\"jti\":\"abcDEF012-_\",", ""))),
                ErrorCode.INVALID_JWS, "grant: missing field `jti`");
        assertFails(() -> Grant.verify(Jws.sign(USER, Jws.GRANT_TYPE, base.replace("1700000000", "-1"))),
                ErrorCode.INVALID_JWS, "grant: field `iat` must be a non-negative integer");
        assertFails(() -> Grant.verify(Jws.sign(USER, Jws.GRANT_TYPE, base.replace("1700003600", "1.5"))),
                ErrorCode.INVALID_JWS, "grant: field `exp` must be a non-negative integer");
        assertFails(() -> Grant.verify(Jws.sign(USER, Jws.GRANT_TYPE, base.replace("\"/:rw\"", "\"/pub//x:rw\""))),
                ErrorCode.INVALID_CAPABILITIES, "invalid capability scope: path contains an empty segment");
        assertFails(() -> Grant.verify(Jws.sign(USER, Jws.GRANT_TYPE, base.replace("[\"/:rw\"]", "\"/:rw\""))),
                ErrorCode.INVALID_JWS, "grant: field `caps` must be an array of strings");
        assertFails(() -> Grant.verify(Jws.sign(USER, Jws.GRANT_TYPE,
                        base.replace(USER.publicKey().z32(), "pubky" + USER.publicKey().z32()))),
                ErrorCode.INVALID_JWS, "invalid iss: public key must be 52 z-base-32 characters, got 57");
        assertFails(() -> Grant.verify(Jws.sign(USER, Jws.GRANT_TYPE, "[1]")), ErrorCode.INVALID_JWS,
                "grant must be a JSON object");
        // Unknown members are ignored, as serde does.
        String extra = base.substring(0, base.length() - 1) + ",\"aud\":\"x\",\"nested\":{\"a\":[1]}}";
        assertThat(Grant.verify(Jws.sign(USER, Jws.GRANT_TYPE, extra))).isEqualTo(GRANT);
    }

    @Test
    void grantJsonHasTheReferenceFieldOrderAndRoundTrips() {
        Grant grant = new Grant(USER.publicKey(), "app", Capabilities.parse("/pub/a/:r,/priv/b:w"),
                CLIENT.publicKey(), "x", 0, Long.MAX_VALUE);
        assertThat(grant.toJson()).isEqualTo("{\"iss\":\"" + USER.publicKey().z32() + "\",\"client_id\":\"app\","
                + "\"caps\":[\"/pub/a/:r\",\"/priv/b:w\"],\"cnf\":\"" + CLIENT.publicKey().z32()
                + "\",\"jti\":\"x\",\"iat\":0,\"exp\":9223372036854775807}");
        assertThat(Grant.verify(grant.sign(USER))).isEqualTo(grant);
        assertThat(Grant.decode(grant.sign(USER)).caps().entries())
                .containsExactly(Capability.parse("/pub/a/:r"), Capability.parse("/priv/b:w"));
    }

    /** HS-CODEC-020. */
    @Test
    void clientIdIsOneTo253Bytes() {
        for (String ok : new String[] {"a", "franky.pubky.app", "example.com", "a".repeat(253)}) {
            assertThat(withClientId(ok).clientId()).isEqualTo(ok);
        }
        assertFails(() -> withClientId(""), ErrorCode.INVALID_JWS, "invalid grant: ClientId must not be empty");
        assertFails(() -> withClientId("a".repeat(254)), ErrorCode.INVALID_JWS,
                "invalid grant: ClientId must be at most 253 characters");
        // The reference counts UTF-8 bytes: 127 two-byte characters are 254 bytes.
        assertFails(() -> withClientId("é".repeat(127)), ErrorCode.INVALID_JWS,
                "invalid grant: ClientId must be at most 253 characters");
        Grant roundTrip = withClientId("test.app");
        assertThat(Grant.verify(roundTrip.sign(USER)).clientId()).isEqualTo("test.app");
    }

    private static Grant withClientId(String clientId) {
        return new Grant(USER.publicKey(), clientId, Capabilities.root(), CLIENT.publicKey(), "id", 1, 2);
    }

    /** HS-CODEC-019. */
    @Test
    void randomIdsAre1To22Base64UrlCharacters() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String id = RandomId.generate(random);
            assertThat(id).hasSize(22);
            assertThat(RandomId.isValid(id)).isTrue();
            assertThat(seen.add(id)).isTrue();
        }
        for (String ok : new String[] {"abc123", "AZaz09-_", "a", "a".repeat(22)}) {
            assertThat(RandomId.require(ok, ErrorCode.MALFORMED_INPUT, "id")).isEqualTo(ok);
        }
        for (String bad : new String[] {".", "..", "../../../pub/a.txt", "a/b", "a?b", "a#b", "a+b", "a=b", "a b", "é"}) {
            assertFails(() -> RandomId.require(bad, ErrorCode.MALFORMED_INPUT, "id"), ErrorCode.MALFORMED_INPUT,
                    "id: RandomId must contain only base64url characters");
        }
        assertFails(() -> RandomId.require("", ErrorCode.MALFORMED_INPUT, "id"), ErrorCode.MALFORMED_INPUT,
                "id: RandomId must not be empty");
        assertFails(() -> RandomId.require("a".repeat(23), ErrorCode.MALFORMED_INPUT, "id"), ErrorCode.MALFORMED_INPUT,
                "id: RandomId must be at most 22 characters");
        assertThat(RandomId.isValid(null)).isFalse();
        // Inside claims the same rule gives INVALID_JWS.
        assertFails(() -> new Grant(USER.publicKey(), "a", Capabilities.root(), CLIENT.publicKey(), "a/b", 1, 2),
                ErrorCode.INVALID_JWS, "invalid grant: jti: RandomId must contain only base64url characters");
        assertFails(() -> new PopProof(HOMESERVER.publicKey(), "g", "n".repeat(23), 1), ErrorCode.INVALID_JWS,
                "invalid PoP: nonce: RandomId must be at most 22 characters");
    }

    @Test
    void popVerificationAndFreshness() {
        PopProof proof = new PopProof(HOMESERVER.publicKey(), GRANT.jti(), "nonce_1", 1_700_000_100L);
        String jws = proof.sign(CLIENT);
        assertThat(PopProof.verify(jws, CLIENT.publicKey())).isEqualTo(proof);
        assertThat(PopProof.decode(jws)).isEqualTo(proof);
        assertThat(proof.toJson()).isEqualTo("{\"aud\":\"" + HOMESERVER.publicKey().z32()
                + "\",\"gid\":\"abcDEF012-_\",\"nonce\":\"nonce_1\",\"iat\":1700000100}");
        assertFails(() -> PopProof.verify(jws, USER.publicKey()), ErrorCode.INVALID_SIGNATURE, "invalid PoP signature");
        assertFails(() -> PopProof.verify(Jws.sign(CLIENT, Jws.GRANT_TYPE, proof.toJson()), CLIENT.publicKey()),
                ErrorCode.INVALID_JWS, "invalid PoP header type, expected pubky-pop");
        // The PoP checks its signature before its claims.
        assertFails(() -> PopProof.verify(Jws.sign(USER, Jws.POP_TYPE, "{}"), CLIENT.publicKey()),
                ErrorCode.INVALID_SIGNATURE, "invalid PoP signature");
        assertFails(() -> PopProof.verify(Jws.sign(CLIENT, Jws.POP_TYPE, "{}"), CLIENT.publicKey()),
                ErrorCode.INVALID_JWS, "PoP: missing field `aud`");
        assertThat(proof.isFreshAt(1_700_000_100L + 180)).isTrue();
        assertThat(proof.isFreshAt(1_700_000_100L - 180)).isTrue();
        assertThat(proof.isFreshAt(1_700_000_100L + 181)).isFalse();
        assertThat(proof.isFreshAt(1_700_000_100L - 181)).isFalse();
    }

    @Test
    void signedPayloadBytesAreExactlyTheJsonGiven() {
        String payload = Json.write(java.util.Map.of("k", "é\u0001"));
        Jws jws = Jws.parse(Jws.sign(USER, "t", payload));
        assertThat(jws.payload()).isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
        assertThat(Arrays.equals(jws.payload(), jws.payload())).isTrue();
    }

    private static byte[] seed(int value) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
