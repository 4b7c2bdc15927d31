package org.pubky.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pubky.core.testing.Failures.assertFails;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.keys.Keypair;
import org.pubky.core.testing.Failures;
import org.pubky.spi.ErrorCode;

final class RecoveryFileTest {
    private static final byte[] SAMPLE = HexFormat.of().parseHex(RecoveryFileVectors.SAMPLE_RECOVERY_FILE_HEX);

    @Test
    void createsTheDocumentedLayoutAndOpensIt() {
        Keypair keypair = Keypair.random();
        byte[] file = RecoveryFile.create(keypair, "very secure password");
        assertThat(file).hasSize(91);
        assertThat(new String(file, 0, 19, StandardCharsets.US_ASCII)).isEqualTo("pubky.org/recovery\n");
        assertThat(RecoveryFile.open(file, "very secure password").publicKey()).isEqualTo(keypair.publicKey());
        assertThat(RecoveryFile.create(keypair, "very secure password")).as("fresh nonce each time").isNotEqualTo(file);
    }

    @Test
    void passphrasesAreUtf8() {
        Keypair keypair = Keypair.fromSecret(new byte[32]);
        byte[] file = RecoveryFile.create(keypair, "pässwörd \uD83D\uDD11", new SecureRandom());
        assertThat(RecoveryFile.open(file, "pässwörd \uD83D\uDD11").publicKey()).isEqualTo(keypair.publicKey());
        assertFails(() -> RecoveryFile.open(file, "passwort"), ErrorCode.DECRYPTION_FAILED,
                "could not decrypt the recovery file: wrong passphrase or damaged file");
    }

    @Test
    void wrongPassphraseFails() {
        assertFails(() -> RecoveryFile.open(SAMPLE, "not empty"), ErrorCode.DECRYPTION_FAILED,
                "could not decrypt the recovery file: wrong passphrase or damaged file");
    }

    @Test
    void legacyPkarrSpecLineIsAccepted() {
        Keypair sampleKey = RecoveryFile.open(SAMPLE, "");
        byte[] legacy = SAMPLE.clone();
        System.arraycopy("pkarr".getBytes(StandardCharsets.US_ASCII), 0, legacy, 0, 5);
        assertThat(RecoveryFile.open(legacy, "").publicKey()).isEqualTo(sampleKey.publicKey());
    }

    @Test
    void layoutErrorsComeBeforeTheExpensiveKeyDerivation() {
        ErrorCode code = ErrorCode.INVALID_RECOVERY_FILE;
        String specLine = "Recovery file should start with a spec line, followed by a new line character";
        assertFails(() -> RecoveryFile.open(new byte[0], ""), code, specLine);
        assertFails(() -> RecoveryFile.open("pubky.org/recovery".getBytes(StandardCharsets.US_ASCII), ""), code, specLine);
        byte[] otherLine = SAMPLE.clone();
        otherLine[0] = 'P';
        assertFails(() -> RecoveryFile.open(otherLine, ""), code, specLine);
        byte[] noNewline = SAMPLE.clone();
        noNewline[18] = ' ';
        assertFails(() -> RecoveryFile.open(noNewline, ""), code, specLine);
        assertFails(() -> RecoveryFile.open(Arrays.copyOf(SAMPLE, 90), ""), code, "Recovery file should be 91 bytes, got 90");
        assertFails(() -> RecoveryFile.open(Arrays.copyOf(SAMPLE, 92), ""), code, "Recovery file should be 91 bytes, got 92");
        assertFails(() -> RecoveryFile.open(Arrays.copyOf(SAMPLE, 19), ""), code, "Recovery file should be 91 bytes, got 19");
    }

    @Test
    @Timeout(120)
    void mutatedFilesThrowOnlyPubkyExceptionAndNeverOpen() {
        byte[] key = RecoveryFile.deriveKey("");
        assertThat(RecoveryFile.openWithKey(SAMPLE, key)).isNotNull();
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            byte[] input = mutate(random, SAMPLE);
            boolean opened = Failures.onlyPubkyException(() -> RecoveryFile.openWithKey(input, key),
                    HexFormat.of().formatHex(input));
            if (opened) {
                // Only an untouched box can open; a changed spec line may still be the legacy one.
                assertThat(Arrays.copyOfRange(input, 19, 91)).isEqualTo(Arrays.copyOfRange(SAMPLE, 19, 91));
            }
        }
        for (int i = 0; i < 5_000; i++) {
            byte[] input = new byte[random.nextInt(120)];
            random.nextBytes(input);
            assertThat(Failures.onlyPubkyException(() -> RecoveryFile.openWithKey(input, key), "random")).isFalse();
        }
        // A few through the full path, with the real key derivation.
        for (int i = 0; i < 5; i++) {
            byte[] input = mutate(random, SAMPLE);
            Failures.onlyPubkyException(() -> RecoveryFile.open(input, ""), HexFormat.of().formatHex(input));
        }
    }

    static byte[] mutate(Random random, byte[] original) {
        byte[] out = original.clone();
        switch (random.nextInt(4)) {
            case 0 -> out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> out[random.nextInt(out.length)] = (byte) random.nextInt(256);
            case 2 -> out = Arrays.copyOf(out, random.nextInt(out.length + 8));
            default -> {
                int at = 19 + random.nextInt(out.length - 19);
                out[at] = (byte) ~out[at];
            }
        }
        return out;
    }
}
