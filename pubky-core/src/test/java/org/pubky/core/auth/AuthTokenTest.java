package org.pubky.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pubky.core.testing.Failures.assertFails;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pubky.core.encoding.PostcardWriter;
import org.pubky.core.keys.Keypair;
import org.pubky.core.path.Capabilities;
import org.pubky.core.time.Timestamp;
import org.pubky.spi.ErrorCode;

final class AuthTokenTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_750_000_000L, 123_456_000L);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Keypair SIGNER = Keypair.fromSecret(seed(7));

    private static AuthToken tokenAt(long offsetMicros) {
        return AuthToken.sign(SIGNER, new Timestamp(Timestamp.of(NOW).micros() + offsetMicros), Capabilities.root());
    }

    private static AuthTokenVerifier verifier() {
        return new AuthTokenVerifier(CLOCK, new InMemoryReplayGuard(CLOCK));
    }

    /** HS-CODEC-016. */
    @Test
    void layoutAndSignatureRange() {
        AuthToken token = tokenAt(0);
        byte[] bytes = token.toBytes();
        assertThat(Arrays.copyOf(bytes, 64)).isEqualTo(token.signature());
        assertThat(new String(bytes, 64, 10, StandardCharsets.US_ASCII)).isEqualTo("PUBKY:AUTH");
        assertThat(bytes[74]).isZero();
        assertThat(Timestamp.fromBytes(bytes, 75)).isEqualTo(token.timestamp());
        assertThat(Arrays.copyOfRange(bytes, 83, 115)).isEqualTo(SIGNER.publicKey().bytes());
        assertThat(Arrays.copyOfRange(bytes, 115, bytes.length)).containsExactly(4, '/', ':', 'r', 'w');
        // The signature covers [65, end): it verifies over exactly that range and the first
        // namespace byte is outside it.
        assertThat(SIGNER.publicKey().verify(bytes, 65, bytes.length - 65, token.signature())).isTrue();
        assertThat(SIGNER.publicKey().verify(bytes, 64, bytes.length - 64, token.signature())).isFalse();
        assertThat(verifier().verify(bytes)).isEqualTo(token);
        AuthToken parsed = AuthToken.parse(bytes);
        assertThat(parsed.publicKey()).isEqualTo(SIGNER.publicKey());
        assertThat(parsed.capabilities()).isEqualTo(Capabilities.root());
        assertThat(parsed.hashCode()).isEqualTo(token.hashCode());
        assertThat(parsed.toString()).contains(SIGNER.publicKey().z32()).contains("/:rw");
    }

    @Test
    void longCapabilityListsUseMultiByteLengthPrefixes() {
        Capabilities caps = Capabilities.parse("/pub/a-rather-long-application-name.example.com/:rw,"
                + "/pub/another-application.example.org/data/:r,/priv/app/settings.json:w,/priv/app/cache/:rw");
        AuthToken token = AuthToken.sign(SIGNER, Timestamp.of(NOW), caps);
        byte[] bytes = token.toBytes();
        int length = caps.toString().length();
        assertThat(length).isGreaterThan(127);
        assertThat(bytes[115] & 0xff).isEqualTo((length & 0x7f) | 0x80);
        assertThat(bytes[116]).isEqualTo((byte) (length >> 7));
        assertThat(verifier().verify(bytes).capabilities()).isEqualTo(caps);
    }

    @Test
    void emptyCapabilitiesAreAValidToken() {
        AuthToken token = AuthToken.sign(SIGNER, Timestamp.of(NOW), Capabilities.none());
        assertThat(token.toBytes()).hasSize(116);
        assertThat(verifier().verify(token.toBytes()).capabilities().isEmpty()).isTrue();
    }

    /** HS-CODEC-017. */
    @Test
    void clockWindowIsPlusMinus180SecondsInclusive() {
        long window = 180_000_000L;
        assertThat(verifier().verify(tokenAt(-window + 5_000_000).toBytes())).isNotNull();
        assertThat(verifier().verify(tokenAt(window - 5_000_000).toBytes())).isNotNull();
        assertThat(verifier().verify(tokenAt(-window).toBytes())).isNotNull();
        assertThat(verifier().verify(tokenAt(window).toBytes())).isNotNull();
        assertFails(() -> verifier().verify(tokenAt(-window - 1).toBytes()), ErrorCode.AUTH_TOKEN_EXPIRED,
                "AuthToken has a timestamp that is more than 3 minutes in the past");
        assertFails(() -> verifier().verify(tokenAt(window + 5_000_000).toBytes()), ErrorCode.AUTH_TOKEN_IN_FUTURE,
                "AuthToken has a timestamp that is more than 3 minutes in the future");
        assertFails(() -> verifier().verify(tokenAt(window + 1).toBytes()), ErrorCode.AUTH_TOKEN_IN_FUTURE,
                "AuthToken has a timestamp that is more than 3 minutes in the future");
    }

    /** HS-CODEC-018. */
    @Test
    void unknownVersionIsRejectedBeforeAnythingElse() {
        byte[] bytes = tokenAt(0).toBytes();
        bytes[74] = 1;
        assertFails(() -> verifier().verify(bytes), ErrorCode.INVALID_AUTH_TOKEN, "Unknown version");
        bytes[74] = (byte) 0xff;
        assertFails(() -> AuthToken.parse(bytes), ErrorCode.INVALID_AUTH_TOKEN, "Unknown version");
        // Even a version-1 token cut short right after the version byte.
        assertFails(() -> AuthToken.parse(Arrays.copyOf(bytes, 75)), ErrorCode.INVALID_AUTH_TOKEN, "Unknown version");
    }

    @Test
    void tamperingBreaksTheSignature() {
        byte[] bytes = tokenAt(0).toBytes();
        for (int i : new int[] {0, 63, 80, 82}) {
            byte[] copy = bytes.clone();
            copy[i] ^= 0x01;
            assertFails(() -> verifier().verify(copy), ErrorCode.INVALID_AUTH_TOKEN, "Invalid Signature");
        }
        byte[] otherKey = bytes.clone();
        System.arraycopy(Keypair.fromSecret(seed(8)).publicKey().bytes(), 0, otherKey, 83, 32);
        assertFails(() -> verifier().verify(otherKey), ErrorCode.INVALID_AUTH_TOKEN, "Invalid Signature");
    }

    @Test
    void namespaceAndCapabilityTamperingIsCaughtByTheParser() {
        byte[] bytes = tokenAt(0).toBytes();
        byte[] namespace = bytes.clone();
        namespace[70] ^= 1;
        assertFails(() -> verifier().verify(namespace), ErrorCode.INVALID_AUTH_TOKEN,
                "AuthToken does not carry the PUBKY:AUTH namespace");
        byte[] caps = bytes.clone();
        caps[118] = 'x';
        assertFails(() -> verifier().verify(caps), ErrorCode.INVALID_CAPABILITIES,
                "invalid capability at position 1 (`/:xw`): invalid capability action `x`");
        byte[] stillValidCaps = bytes.clone();
        stillValidCaps[119] = 'r';
        assertFails(() -> verifier().verify(stillValidCaps), ErrorCode.INVALID_AUTH_TOKEN, "Invalid Signature");
    }

    @Test
    void clockWindowIsCheckedBeforeTheSignature() {
        byte[] bytes = tokenAt(-400_000_000L).toBytes();
        bytes[0] ^= 1;
        assertFails(() -> verifier().verify(bytes), ErrorCode.AUTH_TOKEN_EXPIRED,
                "AuthToken has a timestamp that is more than 3 minutes in the past");
    }

    @Test
    void layoutErrors() {
        byte[] bytes = tokenAt(0).toBytes();
        assertFails(() -> AuthToken.parse(new byte[0]), ErrorCode.INVALID_AUTH_TOKEN,
                "AuthToken is 0 bytes; at least 116 expected");
        assertFails(() -> AuthToken.parse(Arrays.copyOf(bytes, 115)), ErrorCode.INVALID_AUTH_TOKEN,
                "AuthToken is 115 bytes; at least 116 expected");
        assertFails(() -> AuthToken.parse(Arrays.copyOf(bytes, 119)), ErrorCode.INVALID_AUTH_TOKEN,
                "unexpected end of input, expected 4 string bytes at offset 116");
        assertFails(() -> AuthToken.parse(Arrays.copyOf(bytes, 121)), ErrorCode.INVALID_AUTH_TOKEN,
                "1 trailing bytes at offset 120");
        byte[] namespace = bytes.clone();
        namespace[64] = 'X';
        assertFails(() -> AuthToken.parse(namespace), ErrorCode.INVALID_AUTH_TOKEN,
                "AuthToken does not carry the PUBKY:AUTH namespace");
        byte[] hugeTimestamp = bytes.clone();
        hugeTimestamp[75] = (byte) 0x80;
        assertFails(() -> AuthToken.parse(hugeTimestamp), ErrorCode.INVALID_AUTH_TOKEN, "AuthToken timestamp out of range");
        byte[] notAPoint = bytes.clone();
        // The reference's known non-point key (see PublicKeyTest).
        byte[] bad = org.pubky.core.encoding.Base32.Z.decodeCanonical(
                "c1bkg8tfsyy8wcedtmw4fwhdmm7bbzhgg3z58tf43m5ow8w9mbuo", 32);
        System.arraycopy(bad, 0, notAPoint, 83, 32);
        assertFails(() -> AuthToken.parse(notAPoint), ErrorCode.INVALID_AUTH_TOKEN,
                "AuthToken carries an invalid public key: public key is not a point on the Ed25519 curve");
    }

    /** HS-CODEC-001: a bad capability inside a token fails the whole token. */
    @Test
    void capabilityErrorsSurfaceWithTheirOwnCode() {
        byte[] prefix = Arrays.copyOf(tokenAt(0).toBytes(), 115);
        for (String[] c : new String[][] {
                {"not/abs:rw", "invalid capability at position 1 (`not/abs:rw`): invalid capability scope: path must be absolute"},
                {"/pub/my.app", "invalid capability at position 1 (`/pub/my.app`): capability must have format `<scope>:<actions>`"},
                {"/pub/my.app:", "invalid capability at position 1 (`/pub/my.app:`): capability must contain at least one action"},
                {"/pub/my.app:rx", "invalid capability at position 1 (`/pub/my.app:rx`): invalid capability action `x`"},
        }) {
            byte[] caps = new PostcardWriter().writeString(c[0]).toByteArray();
            byte[] token = Arrays.copyOf(prefix, 115 + caps.length);
            System.arraycopy(caps, 0, token, 115, caps.length);
            assertFails(() -> AuthToken.parse(token), ErrorCode.INVALID_CAPABILITIES, c[1]);
        }
    }

    @Test
    void replayIsRejectedAfterFullVerification() {
        AuthTokenVerifier verifier = verifier();
        byte[] bytes = tokenAt(0).toBytes();
        verifier.verify(bytes);
        assertFails(() -> verifier.verify(bytes), ErrorCode.AUTH_TOKEN_REPLAYED, "AuthToken already used");
        // Another key at the same timestamp is a different token.
        AuthToken other = AuthToken.sign(Keypair.fromSecret(seed(9)), tokenAt(0).timestamp(), Capabilities.root());
        assertThat(verifier.verify(other.toBytes())).isEqualTo(other);
        // A token with a bad signature is not recorded, so its genuine twin still passes.
        AuthToken fresh = tokenAt(1);
        byte[] forged = fresh.toBytes();
        forged[10] ^= 1;
        assertFails(() -> verifier.verify(forged), ErrorCode.INVALID_AUTH_TOKEN, "Invalid Signature");
        assertThat(verifier.verify(fresh.toBytes())).isEqualTo(fresh);
    }

    private static byte[] seed(int value) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
