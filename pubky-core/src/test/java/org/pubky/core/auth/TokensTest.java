package org.pubky.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pubky.core.testing.Failures.assertFails;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pubky.spi.ErrorCode;

/** Signup tokens, cookie session secrets and grant bearers. */
final class TokensTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void generatedSignupTokensAreUppercaseCrockfordInGroupsOfFour() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            SignupToken token = SignupToken.generate(RANDOM);
            assertThat(token.value()).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{3}[0G]");
            assertThat(SignupToken.parse(token.value())).isEqualTo(token);
            assertThat(token.toString()).isEqualTo(token.value());
            assertThat(seen.add(token.value())).isTrue();
        }
    }

    @Test
    void signupTokenEncodesSevenBytes() {
        // 7 bytes = 56 bits → 12 characters; the last one carries 1 data bit and 4 zero bits.
        SecureRandom allOnes = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 0xff);
            }
        };
        assertThat(SignupToken.generate(allOnes).value()).isEqualTo("ZZZZ-ZZZZ-ZZZG");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAAA-BBBB-CCCC", "JZY0-D6MY-ZFNG", "abcd-efgh-jkmn", "IIII-LLLL-OOOO", "0000-0000-0000"})
    void signupTokensTheReferenceCallsWellFormed(String text) {
        assertThat(SignupToken.isWellFormed(text)).isTrue();
        assertThat(SignupToken.parse(text).value()).isEqualTo(text);
    }

    @Test
    void malformedSignupTokens() {
        ErrorCode code = ErrorCode.INVALID_SIGNUP_TOKEN;
        assertFails(() -> SignupToken.parse("invalid"), code,
                "Invalid signup token format: expected XXXX-XXXX-XXXX (14 characters), got 7 characters");
        assertFails(() -> SignupToken.parse(""), code,
                "Invalid signup token format: expected XXXX-XXXX-XXXX (14 characters), got 0 characters");
        assertFails(() -> SignupToken.parse("AAAA-BBBB-CCCCD"), code,
                "Invalid signup token format: expected XXXX-XXXX-XXXX (14 characters), got 15 characters");
        assertFails(() -> SignupToken.parse("AAAA-BBBB-CCCU"), code,
                "Invalid signup token format: expected XXXX-XXXX-XXXX with Crockford base32 characters, bad character at index 13");
        assertFails(() -> SignupToken.parse("AAAABBBB-CCCCD"), code,
                "Invalid signup token format: expected XXXX-XXXX-XXXX with Crockford base32 characters, bad character at index 4");
        assertFails(() -> SignupToken.parse("AAAA-BBBB-CC C"), code,
                "Invalid signup token format: expected XXXX-XXXX-XXXX with Crockford base32 characters, bad character at index 12");
        assertFails(() -> SignupToken.parse("AAAA-BBBB-CCCé"), code,
                "Invalid signup token format: expected XXXX-XXXX-XXXX with Crockford base32 characters, bad character at index 13");
        assertThat(SignupToken.isWellFormed(null)).isFalse();
        assertThat(SignupToken.isWellFormed("AAAA_BBBB_CCCC")).isFalse();
    }

    @Test
    void sessionSecretsAre26CrockfordCharacters() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            SessionSecret secret = SessionSecret.generate(RANDOM);
            assertThat(secret.value()).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}");
            assertThat(seen.add(secret.value())).isTrue();
            assertThat(SessionSecret.fromCookie(secret.value())).contains(secret);
        }
        assertThat(SessionSecret.isWellFormed("0123456789abcdefghjkmnpqrs")).isTrue();
        assertThat(SessionSecret.fromCookie("nonexistent-secret-value")).isEmpty();
        assertThat(SessionSecret.fromCookie("0123456789ABCDEFGHJKMNPQRU")).isEmpty();
        assertThat(SessionSecret.fromCookie(null)).isEmpty();
        assertFails(() -> new SessionSecret("short"), ErrorCode.MALFORMED_INPUT, "invalid session secret");
    }

    @Test
    void secretsNeverShowInToString() {
        SessionSecret secret = SessionSecret.generate(RANDOM);
        assertThat(secret.toString()).doesNotContain(secret.value()).isEqualTo("SessionSecret[redacted]");
        BearerToken bearer = BearerToken.generate(RANDOM);
        assertThat(bearer.toString()).doesNotContain(bearer.value()).isEqualTo("BearerToken[redacted]");
    }

    @Test
    void bearersAre43Base64UrlCharactersStoredAsSha256() {
        BearerToken bearer = BearerToken.generate(RANDOM);
        assertThat(bearer.value()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(BearerToken.tryParse(bearer.value())).contains(bearer);
        assertThat(bearer.sha256()).hasSize(32).isNotEqualTo(BearerToken.generate(RANDOM).sha256());
        assertFails(() -> new BearerToken("A".repeat(42)), ErrorCode.MALFORMED_INPUT, "bearer token must be 43 chars (got 42)");
        assertFails(() -> new BearerToken("A".repeat(44)), ErrorCode.MALFORMED_INPUT, "bearer token must be 43 chars (got 44)");
        assertFails(() -> new BearerToken("A".repeat(42) + "="), ErrorCode.MALFORMED_INPUT, "bearer token must be base64url");
        assertFails(() -> BearerToken.fromBytes(new byte[31]), ErrorCode.MALFORMED_INPUT, "a bearer token is made of 32 bytes");
        assertThat(BearerToken.tryParse("Bearer x")).isEmpty();
        assertThat(BearerToken.tryParse(null)).isEmpty();
    }
}
