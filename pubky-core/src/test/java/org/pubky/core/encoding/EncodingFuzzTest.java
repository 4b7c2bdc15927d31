package org.pubky.core.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.testing.Failures;
import org.pubky.core.testing.RandomText;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/** Random and mutated input into the JSON and base64url decoders, and JSON round trips. */
final class EncodingFuzzTest {
    private static final int CASES = 20_000;

    @Test
    @Timeout(60)
    void jsonRoundTripsRandomDocuments() {
        Random random = new Random(2001);
        for (int i = 0; i < 3_000; i++) {
            Object value = randomValue(random, 0);
            String text = Json.write(value);
            assertThat(Json.parse(text)).isEqualTo(value);
            assertThat(Json.parse(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(value);
            assertThat(Json.write(Json.parse(text))).isEqualTo(text);
        }
    }

    @Test
    @Timeout(60)
    void jsonDecoderThrowsOnlyPubkyExceptionOnMutatedAndRandomInput() {
        Random random = new Random(2002);
        int valid = 0;
        for (int i = 0; i < CASES; i++) {
            String seed = Json.write(randomValue(random, 0));
            String text = random.nextInt(3) == 0 ? RandomText.next(random, 16) : RandomText.mutate(random, seed);
            if (Failures.onlyPubkyException(() -> Json.parse(text), text)) {
                valid++;
            }
            byte[] bytes = RandomText.mutate(random, seed.getBytes(StandardCharsets.UTF_8));
            Failures.onlyPubkyException(() -> Json.parse(bytes), "bytes");
            byte[] noise = new byte[random.nextInt(40)];
            random.nextBytes(noise);
            Failures.onlyPubkyException(() -> Json.parse(noise), "noise");
        }
        assertThat(valid).isPositive();
    }

    @Test
    @Timeout(60)
    void base64UrlDecoderAcceptsExactlyTheCanonicalForms() {
        Random random = new Random(2003);
        for (int i = 0; i < CASES; i++) {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            String text = RandomText.mutate(random, Base64Url.encode(bytes));
            try {
                byte[] decoded = Base64Url.decode(text, ErrorCode.INVALID_JWS);
                assertThat(Base64Url.encode(decoded)).isEqualTo(text);
            } catch (PubkyException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_JWS);
            }
        }
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 6 : 8);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong() >> random.nextInt(64);
            case 3 -> new BigInteger(80, random).add(BigInteger.valueOf(Long.MAX_VALUE)).add(BigInteger.ONE);
            case 4 -> new BigDecimal(BigInteger.valueOf(random.nextInt()), 1 + random.nextInt(5));
            case 5 -> validString(random);
            case 6 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(validString(random), randomValue(random, depth + 1));
                }
                yield map;
            }
        };
    }

    private static String validString(Random random) {
        String s = RandomText.next(random, 6);
        // Drop unpaired surrogates, which no JSON text can carry.
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (!Character.isSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
