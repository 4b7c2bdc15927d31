package org.pubky.dht.mainline.krpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pubky.core.bencode.Bencode;
import org.pubky.spi.PubkyException;

final class BencodeScannerTest {
    private static final String[] SAMPLES = {
        "d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t2:aa1:y1:qe",
        "d1:rd2:id20:mnopqrstuvwxyz1234565:nodes26:abcdefghij0123456789\u0001\u0002\u0003\u0004\u0005\u0006e1:t4:abcd1:y1:re",
        "d1:eli201e23:A Generic Error Ocurrede1:t2:aa1:y1:ee",
        "li-9223372036854775808ei9223372036854775807ei0ee",
        "d3:bar4:spam3:fooi42ee",
        "l4:spam4:eggse",
        "0:",
        "de",
    };

    @ParameterizedTest
    @ValueSource(strings = {"i-0e", "i03e", "ie", "i9223372036854775808e", "03:abc", "4:abc", "d1:b0:1:a0:e",
            "d1:a0:1:a0:e", "di1e0:e", "l", "d", "", "i1ei2e", "x", "1:", "-1:a", "i-e", "i1", "10000000000:a"})
    void rejectsWhatTheDecoderRejects(String input) {
        byte[] b = input.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(BencodeScanner.isCanonical(b, 0, b.length)).isFalse();
        assertThat(decodes(b, 0, b.length)).isFalse();
    }

    @Test
    void acceptsCanonicalMessages() {
        for (String s : SAMPLES) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            assertThat(BencodeScanner.isCanonical(b, 0, b.length)).as(s).isTrue();
        }
    }

    @Test
    void nestingLimitMatchesTheDecoder() {
        for (int depth : new int[] {Bencode.MAX_DEPTH, Bencode.MAX_DEPTH + 1}) {
            byte[] b = ("l".repeat(depth) + "e".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
            assertThat(BencodeScanner.isCanonical(b, 0, b.length)).isEqualTo(decodes(b, 0, b.length));
        }
    }

    /** The scanner and the core decoder agree on 50,000 mutated and random inputs. */
    @Test
    void agreesWithTheDecoderOnMutatedAndRandomInput() {
        Random random = new Random(20260101);
        int accepted = 0;
        for (int i = 0; i < 50_000; i++) {
            byte[] b;
            if (i % 4 == 0) {
                b = new byte[random.nextInt(64)];
                for (int j = 0; j < b.length; j++) {
                    b[j] = (byte) "0123456789:ilde-ax".charAt(random.nextInt(18));
                }
            } else {
                b = SAMPLES[random.nextInt(SAMPLES.length)].getBytes(StandardCharsets.ISO_8859_1);
                int edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits && b.length > 0; e++) {
                    switch (random.nextInt(3)) {
                        case 0 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                        case 1 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
                        default -> b[random.nextInt(b.length)] = (byte) "0123456789:ilde".charAt(random.nextInt(15));
                    }
                }
            }
            int offset = b.length > 2 && random.nextBoolean() ? 1 : 0;
            int length = b.length - offset;
            boolean scanned = BencodeScanner.isCanonical(b, offset, length);
            if (scanned != decodes(b, offset, length)) {
                assertThat(scanned).as("input %s", new String(b, StandardCharsets.ISO_8859_1)).isEqualTo(!scanned);
            }
            if (scanned) {
                accepted++;
            }
        }
        assertThat(accepted).isGreaterThan(1000); // the corpus exercises both sides
    }

    private static boolean decodes(byte[] b, int offset, int length) {
        try {
            Bencode.decode(b, offset, length);
            return true;
        } catch (PubkyException e) {
            return false;
        }
    }
}
