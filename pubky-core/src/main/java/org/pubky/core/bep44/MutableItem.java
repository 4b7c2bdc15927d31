package org.pubky.core.bep44;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HexFormat;
import org.pubky.core.keys.Keypair;
import org.pubky.core.keys.PublicKey;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * A BEP 44 mutable item: value {@code v} under key {@code k}, version {@code seq}, Ed25519
 * signature over the {@linkplain Bep44#signable signable}, optional salt.
 *
 * <p>Construction checks the sizes a DHT node enforces (value ≤ {@value Bep44#MAX_VALUE_BYTES}
 * bytes: {@link ErrorCode#PAYLOAD_TOO_LARGE}; salt ≤ {@value Bep44#MAX_SALT_BYTES} bytes and a
 * 64-byte signature: {@link ErrorCode#MALFORMED_INPUT}) but not the signature: call
 * {@link #verify()} (items built with {@link #sign} are valid by construction). Immutable and
 * thread-safe; arrays are copied in and out; equality is by content.
 *
 * @param key the signer's public key ({@code k})
 * @param seq the version ({@code seq}); PKARR uses the packet timestamp in microseconds
 * @param value the value ({@code v}); PKARR stores the DNS packet here
 * @param signature the 64-byte Ed25519 signature ({@code sig})
 * @param salt the salt, or {@code null} if absent
 */
public record MutableItem(PublicKey key, long seq, byte[] value, byte[] signature, byte[] salt) {
    public MutableItem {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        requireNonNull(signature, "signature is null");
        if (value.length > Bep44.MAX_VALUE_BYTES) {
            throw new PubkyException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "BEP44 value is " + value.length + " bytes, more than " + Bep44.MAX_VALUE_BYTES);
        }
        if (signature.length != Keypair.SIGNATURE_LENGTH) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "BEP44 signature must be 64 bytes, got " + signature.length);
        }
        if (salt != null && salt.length > Bep44.MAX_SALT_BYTES) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT,
                    "BEP44 salt is " + salt.length + " bytes, more than " + Bep44.MAX_SALT_BYTES);
        }
        value = value.clone();
        signature = signature.clone();
        salt = salt == null ? null : salt.clone();
    }

    /** Signs {@code value} at version {@code seq} without salt. */
    public static MutableItem sign(Keypair keypair, long seq, byte[] value) {
        return sign(keypair, seq, value, null);
    }

    /** Signs {@code value} at version {@code seq} with an optional {@code salt}. */
    public static MutableItem sign(Keypair keypair, long seq, byte[] value, byte[] salt) {
        requireNonNull(keypair, "keypair is null");
        byte[] signature = keypair.sign(Bep44.signable(salt, seq, value));
        return new MutableItem(keypair.publicKey(), seq, value, signature, salt);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] salt() {
        return salt == null ? null : salt.clone();
    }

    /** The bytes the signature covers. */
    public byte[] signable() {
        return Bep44.signable(salt, seq, value);
    }

    /** True if the signature is valid for key, salt, seq and value. */
    public boolean verify() {
        return key.verify(signable(), signature);
    }

    /** The DHT target: SHA-1(key ‖ salt). */
    public byte[] target() {
        return Bep44.target(key, salt);
    }

    /**
     * True if this item supersedes {@code other} (same key assumed): higher {@code seq}, or equal
     * {@code seq} and a value that is greater in unsigned byte order. Identical items supersede
     * neither way. This is the rule of the Rust {@code mainline} crate and of PKARR.
     */
    public boolean moreRecentThan(MutableItem other) {
        if (seq != other.seq) {
            return seq > other.seq;
        }
        return Arrays.compareUnsigned(value, other.value) > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MutableItem other
                && seq == other.seq
                && key.equals(other.key)
                && Arrays.equals(value, other.value)
                && Arrays.equals(signature, other.signature)
                && Arrays.equals(salt, other.salt);
    }

    @Override
    public int hashCode() {
        int h = key.hashCode();
        h = 31 * h + Long.hashCode(seq);
        h = 31 * h + Arrays.hashCode(value);
        h = 31 * h + Arrays.hashCode(signature);
        return 31 * h + Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "MutableItem[key=" + key + ", seq=" + seq + ", value=" + value.length + " bytes"
                + (salt == null ? "" : ", salt=" + HexFormat.of().formatHex(salt)) + "]";
    }
}
