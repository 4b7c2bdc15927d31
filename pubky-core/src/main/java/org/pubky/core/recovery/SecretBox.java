package org.pubky.core.recovery;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * NaCl's {@code crypto_secretbox} (XSalsa20-Poly1305) in the combined layout used by libsodium's
 * {@code secretbox_easy} and Rust's {@code crypto_secretbox}: 16-byte tag, then the ciphertext.
 *
 * <p>As in NaCl, the first 32 bytes of the XSalsa20 key stream are the one-time Poly1305 key and
 * encryption uses the stream from byte 32 on. BouncyCastle provides the primitives; the
 * composition is here because BouncyCastle has no secretbox. Stateless and thread-safe.
 */
public final class SecretBox {
    public static final int KEY_LENGTH = 32;
    public static final int NONCE_LENGTH = 24;
    public static final int TAG_LENGTH = 16;

    private SecretBox() {
    }

    /** Encrypts {@code plaintext}; returns tag + ciphertext. */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext) {
        XSalsa20Engine stream = start(key, nonce);
        byte[] polyKey = new byte[32];
        stream.processBytes(polyKey, 0, polyKey.length, polyKey, 0);
        byte[] out = new byte[TAG_LENGTH + plaintext.length];
        stream.processBytes(plaintext, 0, plaintext.length, out, TAG_LENGTH);
        mac(polyKey, out, TAG_LENGTH, plaintext.length, out);
        return out;
    }

    /**
     * Checks the tag, then decrypts.
     *
     * @throws PubkyException {@link ErrorCode#DECRYPTION_FAILED} if the box is shorter than a tag
     *     or the tag does not match (wrong key, or altered data)
     */
    public static byte[] open(byte[] key, byte[] nonce, byte[] box, int offset, int length) {
        if (length < TAG_LENGTH) {
            throw new PubkyException(ErrorCode.DECRYPTION_FAILED, "encrypted data shorter than its tag");
        }
        XSalsa20Engine stream = start(key, nonce);
        byte[] polyKey = new byte[32];
        stream.processBytes(polyKey, 0, polyKey.length, polyKey, 0);
        byte[] expected = new byte[TAG_LENGTH];
        mac(polyKey, box, offset + TAG_LENGTH, length - TAG_LENGTH, expected);
        byte[] actual = java.util.Arrays.copyOfRange(box, offset, offset + TAG_LENGTH);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new PubkyException(ErrorCode.DECRYPTION_FAILED, "authentication tag mismatch");
        }
        byte[] plaintext = new byte[length - TAG_LENGTH];
        stream.processBytes(box, offset + TAG_LENGTH, plaintext.length, plaintext, 0);
        return plaintext;
    }

    private static XSalsa20Engine start(byte[] key, byte[] nonce) {
        requireNonNull(key, "key is null");
        requireNonNull(nonce, "nonce is null");
        if (key.length != KEY_LENGTH || nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("secretbox needs a 32-byte key and a 24-byte nonce");
        }
        XSalsa20Engine engine = new XSalsa20Engine();
        engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        return engine;
    }

    private static void mac(byte[] polyKey, byte[] data, int offset, int length, byte[] tagOut) {
        Poly1305 poly = new Poly1305();
        poly.init(new KeyParameter(polyKey));
        poly.update(data, offset, length);
        poly.doFinal(tagOut, 0);
    }
}
