package org.pubky.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pubky.core.testing.Failures.assertFails;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pubky.spi.ErrorCode;

final class SecretBoxTest {
    private static final HexFormat HEX = HexFormat.of();
    // NaCl/libsodium test/default/secretbox.c: firstkey, nonce, the 131-byte message after the 32
    // zero bytes, and the expected tag + ciphertext from secretbox.exp / secretbox_easy.exp.
    private static final byte[] KEY = HEX.parseHex("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
    private static final byte[] NONCE = HEX.parseHex("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37");
    private static final byte[] MESSAGE = HEX.parseHex(
            "be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffce5ecbaaf33bd751a1ac728d45e6c6129"
            + "6cdc3c01233561f41db66cce314adb310e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde"
            + "048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f937763848645e0705");
    private static final byte[] BOX = HEX.parseHex(
            "f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce48332ea7164d96a4476fb8c531a1186a"
            + "c0dfc17c98dce87b4da7f011ec48c97271d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae"
            + "90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b37973f622a43d14a6599b1f654cb45a74"
            + "e355a5");

    @Test
    void matchesTheNaclSecretboxVector() {
        assertThat(MESSAGE).hasSize(131);
        assertThat(SecretBox.seal(KEY, NONCE, MESSAGE)).isEqualTo(BOX);
        assertThat(SecretBox.open(KEY, NONCE, BOX, 0, BOX.length)).isEqualTo(MESSAGE);
    }

    @Test
    void anyChangedByteFailsAuthentication() {
        for (int i = 0; i < BOX.length; i++) {
            byte[] altered = BOX.clone();
            altered[i] ^= (byte) (1 << (i % 8));
            assertFails(() -> SecretBox.open(KEY, NONCE, altered, 0, altered.length), ErrorCode.DECRYPTION_FAILED,
                    "authentication tag mismatch");
        }
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertFails(() -> SecretBox.open(otherKey, NONCE, BOX, 0, BOX.length), ErrorCode.DECRYPTION_FAILED,
                "authentication tag mismatch");
        assertFails(() -> SecretBox.open(KEY, NONCE, BOX, 0, 15), ErrorCode.DECRYPTION_FAILED,
                "encrypted data shorter than its tag");
    }

    @Test
    void roundTripsAtAnyLengthAndOffset() {
        Random random = new Random(11);
        for (int length : new int[] {0, 1, 31, 32, 33, 63, 64, 65, 200, 1000}) {
            byte[] plain = new byte[length];
            random.nextBytes(plain);
            byte[] box = SecretBox.seal(KEY, NONCE, plain);
            assertThat(box).hasSize(length + 16);
            byte[] padded = new byte[box.length + 7];
            System.arraycopy(box, 0, padded, 3, box.length);
            assertThat(SecretBox.open(KEY, NONCE, padded, 3, box.length)).isEqualTo(plain);
        }
    }
}
