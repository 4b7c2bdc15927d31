package org.pubky.core.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pubky.core.testing.Failures.assertFails;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pubky.spi.ErrorCode;

final class Base64UrlTest {
    private static final ErrorCode CODE = ErrorCode.INVALID_JWS;

    @ParameterizedTest
    @CsvSource({"'',''", "f,Zg", "fo,Zm8", "foo,Zm9v", "foob,Zm9vYg", "fooba,Zm9vYmE", "foobar,Zm9vYmFy"})
    void rfc4648VectorsWithoutPadding(String plain, String encoded) {
        assertThat(Base64Url.encode(plain.getBytes())).isEqualTo(encoded);
        assertThat(new String(Base64Url.decode(encoded, CODE))).isEqualTo(plain);
    }

    @Test
    void usesTheUrlAlphabet() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf};
        assertThat(Base64Url.encode(bytes)).isEqualTo("-_-_");
        assertThat(Base64Url.decode("-_-_", CODE)).isEqualTo(bytes);
    }

    @Test
    void refusesNonCanonicalText() {
        assertFails(() -> Base64Url.decode("Zg==", CODE), CODE, "invalid base64url character at index 2");
        assertFails(() -> Base64Url.decode("+/+/", CODE), CODE, "invalid base64url character at index 0");
        assertFails(() -> Base64Url.decode("Z", CODE), CODE, "invalid base64url length 1");
        assertFails(() -> Base64Url.decode("Zh", CODE), CODE, "non-zero trailing bits in base64url text");
        assertFails(() -> Base64Url.decode("Zm9", CODE), CODE, "non-zero trailing bits in base64url text");
        assertFails(() -> Base64Url.decode("Zm 9", CODE), CODE, "invalid base64url character at index 2");
    }

    @Test
    void roundTripsRandomBytes() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[random.nextInt(70)];
            random.nextBytes(bytes);
            assertThat(Base64Url.decode(Base64Url.encode(bytes), CODE)).isEqualTo(bytes);
        }
    }
}
