package org.pubky.spi.dht;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A BEP44 mutable item as it travels between a PKARR publisher and the network: for PKARR the
 * key is the signer's Ed25519 public key, {@code seq} the packet timestamp in microseconds,
 * {@code value} the DNS message and {@code signature} the signature over the BEP44 signable.
 * Transports carry items; they do not interpret the value. Signature verification is done by
 * whoever accepts an item from the network (the core's codecs), never assumed.
 *
 * @param key the 32-byte Ed25519 public key
 * @param seq the sequence number (non-negative)
 * @param value the raw value, at most 1000 bytes
 * @param signature the 64-byte Ed25519 signature
 * @param salt the BEP44 salt, at most 64 bytes; PKARR never uses one
 */
public record MutableItem(byte[] key, long seq, byte[] value, byte[] signature, Optional<byte[]> salt) {
    /** Largest accepted value, in raw bytes (as the Rust node and bittorrent-dht count it). */
    public static final int MAX_VALUE_BYTES = 1000;

    public MutableItem {
        key = copy(key, 32, "key");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative");
        }
        requireNonNull(value, "value is null");
        if (value.length > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("value is larger than " + MAX_VALUE_BYTES + " bytes");
        }
        value = value.clone();
        signature = copy(signature, 64, "signature");
        salt = requireNonNull(salt, "salt is null").map(s -> {
            if (s.length > 64) {
                throw new IllegalArgumentException("salt is longer than 64 bytes");
            }
            return s.clone();
        });
    }

    /** An item without salt (the PKARR case). */
    public static MutableItem of(byte[] key, long seq, byte[] value, byte[] signature) {
        return new MutableItem(key, seq, value, signature, Optional.empty());
    }

    @Override
    public byte[] key() {
        return key.clone();
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
    public Optional<byte[]> salt() {
        return salt.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MutableItem m && seq == m.seq && Arrays.equals(key, m.key) && Arrays.equals(value, m.value)
                && Arrays.equals(signature, m.signature)
                && Arrays.equals(salt.orElse(null), m.salt.orElse(null));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key) * 31 + Long.hashCode(seq);
    }

    @Override
    public String toString() {
        return "MutableItem[key=" + HexFormat.of().formatHex(key) + ", seq=" + seq + ", " + value.length + " bytes]";
    }

    private static byte[] copy(byte[] bytes, int length, String name) {
        requireNonNull(bytes, name + " is null");
        if (bytes.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes");
        }
        return bytes.clone();
    }
}
