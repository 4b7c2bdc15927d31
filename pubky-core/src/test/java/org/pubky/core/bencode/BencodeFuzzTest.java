package org.pubky.core.bencode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Properties of the codec over seeded random input: values round-trip, accepted bytes are
 * canonical (re-encoding gives the same bytes), and random or mutated bytes only ever fail with
 * {@link ErrorCode#INVALID_BENCODE}.
 */
final class BencodeFuzzTest {
    @Test
    @Timeout(60)
    void randomValuesRoundTrip() {
        Random random = new Random(21);
        for (int i = 0; i < 5_000; i++) {
            BencodeValue value = value(random, 0);
            byte[] encoded = Bencode.encode(value);
            assertThat(Bencode.decode(encoded)).isEqualTo(value);
            assertThat(Bencode.encode(Bencode.decode(encoded))).isEqualTo(encoded);
        }
    }

    @Test
    @Timeout(60)
    void randomBytesOnlyEverFailWithInvalidBencode() {
        Random random = new Random(22);
        byte[] alphabet = "0123456789:ilde-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int accepted = 0;
        for (int i = 0; i < 30_000; i++) {
            byte[] input = new byte[random.nextInt(40)];
            for (int k = 0; k < input.length; k++) {
                // Mostly bencode syntax characters, so that parsing goes deep.
                input[k] = random.nextInt(8) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            if (check(input)) {
                accepted++;
            }
        }
        assertThat(accepted).isPositive();
    }

    @Test
    @Timeout(60)
    void mutatedValidInputOnlyEverFailsWithInvalidBencode() {
        Random random = new Random(23);
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 30_000; i++) {
            byte[] valid = Bencode.encode(value(random, 0));
            byte[] input = mutate(valid, random);
            if (check(input)) {
                accepted++;
            } else {
                rejected++;
            }
        }
        assertThat(accepted).isPositive();
        assertThat(rejected).isPositive();
    }

    private static boolean check(byte[] input) {
        BencodeValue value;
        try {
            value = Bencode.decode(input);
        } catch (PubkyException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_BENCODE);
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("unexpected " + e + " for " + Arrays.toString(input), e);
        }
        // Strictness means only canonical bytes are accepted.
        assertThat(Bencode.encode(value)).isEqualTo(input);
        return true;
    }

    static byte[] mutate(byte[] valid, Random random) {
        byte[] b = valid.clone();
        switch (random.nextInt(4)) {
            case 0:
                b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                return b;
            case 1:
                return Arrays.copyOf(b, random.nextInt(b.length));
            case 2: {
                byte[] out = Arrays.copyOf(b, b.length + 1 + random.nextInt(4));
                for (int k = b.length; k < out.length; k++) {
                    out[k] = (byte) "ie0:l".charAt(random.nextInt(5));
                }
                return out;
            }
            default:
                b[random.nextInt(b.length)] = (byte) "0123456789:ildex-".charAt(random.nextInt(17));
                return b;
        }
    }

    static BencodeValue value(Random random, int depth) {
        int kind = depth >= 4 ? random.nextInt(2) : random.nextInt(4);
        switch (kind) {
            case 0: {
                byte[] b = new byte[random.nextInt(random.nextInt(10) == 0 ? 300 : 12)];
                random.nextBytes(b);
                return BencodeString.of(b);
            }
            case 1: {
                long[] samples = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, random.nextLong(), random.nextInt(1000)};
                return new BencodeInteger(samples[random.nextInt(samples.length)]);
            }
            case 2: {
                List<BencodeValue> items = new ArrayList<>();
                for (int i = 0, n = random.nextInt(5); i < n; i++) {
                    items.add(value(random, depth + 1));
                }
                return BencodeList.of(items);
            }
            default: {
                BencodeDict.Builder builder = BencodeDict.builder();
                java.util.Set<BencodeString> used = new java.util.HashSet<>();
                for (int i = 0, n = random.nextInt(6); i < n; i++) {
                    byte[] key = new byte[random.nextInt(4)];
                    random.nextBytes(key);
                    BencodeString k = BencodeString.of(key);
                    if (used.add(k)) {
                        builder.put(k, value(random, depth + 1));
                    }
                }
                return builder.build();
            }
        }
    }
}
