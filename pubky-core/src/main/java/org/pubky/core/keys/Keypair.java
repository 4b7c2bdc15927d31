package org.pubky.core.keys;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 key pair built from a 32-byte secret seed (RFC 8032).
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the secret; {@link #secret()}
 * hands out a copy that the caller is responsible for.
 */
public final class Keypair {
    /** Length of the secret seed. */
    public static final int SECRET_LENGTH = 32;
    /** Length of a signature. */
    public static final int SIGNATURE_LENGTH = 64;

    private final Ed25519PrivateKeyParameters secret;
    private final PublicKey publicKey;

    private Keypair(Ed25519PrivateKeyParameters secret) {
        this.secret = secret;
        this.publicKey = PublicKey.fromBytes(secret.generatePublicKey().getEncoded());
    }

    /** The key pair of a 32-byte seed; the same seed always gives the same keys. */
    public static Keypair fromSecret(byte[] seed) {
        requireNonNull(seed, "seed is null");
        if (seed.length != SECRET_LENGTH) {
            throw new IllegalArgumentException("secret seed must be 32 bytes, got " + seed.length);
        }
        return new Keypair(new Ed25519PrivateKeyParameters(seed, 0));
    }

    /** A fresh key pair from {@code random}. */
    public static Keypair random(SecureRandom random) {
        requireNonNull(random, "random is null");
        return new Keypair(new Ed25519PrivateKeyParameters(random));
    }

    /** A fresh key pair from a new {@link SecureRandom}. */
    public static Keypair random() {
        return random(new SecureRandom());
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** A copy of the 32-byte secret seed. Treat it as a secret: never log it. */
    public byte[] secret() {
        return secret.getEncoded();
    }

    /** Signs {@code message} (pure Ed25519, deterministic); returns 64 bytes. */
    public byte[] sign(byte[] message) {
        return sign(message, 0, message.length);
    }

    /** Signs {@code message[offset, offset + length)}; returns 64 bytes. */
    public byte[] sign(byte[] message, int offset, int length) {
        byte[] signature = new byte[SIGNATURE_LENGTH];
        secret.sign(Ed25519.Algorithm.Ed25519, null, message, offset, length, signature, 0);
        return signature;
    }

    @Override
    public String toString() {
        return "Keypair[" + publicKey.z32() + "]";
    }
}
