package org.pubky.core.bep44;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.pubky.core.keys.PublicKey;

/**
 * The two derived values of a BEP 44 mutable item.
 *
 * <ul>
 *   <li>signable: {@code [4:salt<len>:<salt>]3:seqi<seq>e1:v<len>:<v>}, i.e. the bencoded
 *       dictionary {salt, seq, v} without its outer {@code d…e}, salt only when given;</li>
 *   <li>target: SHA-1 of the 32 key bytes followed by the salt bytes.</li>
 * </ul>
 *
 * <p>Immutable items are addressed by {@link #immutableTarget}. A {@code null} salt is absent. An empty, non-null salt is treated as present, as the Rust
 * {@code mainline} crate does ({@code Some(&[])} adds {@code 4:salt0:} to the signable); PKARR
 * never uses a salt. Stateless and thread-safe.
 */
public final class Bep44 {
    /** Largest value a DHT node stores (raw bytes, not bencoded). */
    public static final int MAX_VALUE_BYTES = 1000;
    /** Largest salt a DHT node accepts. */
    public static final int MAX_SALT_BYTES = 64;
    /** Length of a DHT target (SHA-1). */
    public static final int TARGET_LENGTH = 20;

    private static final byte[] SALT_PREFIX = "4:salt".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEQ_PREFIX = "3:seqi".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V_PREFIX = "e1:v".getBytes(StandardCharsets.US_ASCII);

    private Bep44() {
    }

    /** The signable of an item without salt. */
    public static byte[] signable(long seq, byte[] value) {
        return signable(null, seq, value);
    }

    /** The signable of an item; {@code salt} may be {@code null} (absent). */
    public static byte[] signable(byte[] salt, long seq, byte[] value) {
        requireNonNull(value, "value is null");
        return signable(salt, seq, value, 0, value.length);
    }

    /** The signable of an item whose value is {@code value[offset, offset + length)}. */
    public static byte[] signable(byte[] salt, long seq, byte[] value, int offset, int length) {
        requireNonNull(value, "value is null");
        Objects.checkFromIndexSize(offset, length, value.length);
        byte[] seqDigits = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
        byte[] vLen = Integer.toString(length).getBytes(StandardCharsets.US_ASCII);
        byte[] saltLen = salt == null ? null : Integer.toString(salt.length).getBytes(StandardCharsets.US_ASCII);
        int size = SEQ_PREFIX.length + seqDigits.length + V_PREFIX.length + vLen.length + 1 + length;
        if (salt != null) {
            size += SALT_PREFIX.length + saltLen.length + 1 + salt.length;
        }
        byte[] out = new byte[size];
        int p = 0;
        if (salt != null) {
            p = put(out, p, SALT_PREFIX);
            p = put(out, p, saltLen);
            out[p++] = ':';
            p = put(out, p, salt);
        }
        p = put(out, p, SEQ_PREFIX);
        p = put(out, p, seqDigits);
        p = put(out, p, V_PREFIX);
        p = put(out, p, vLen);
        out[p++] = ':';
        System.arraycopy(value, offset, out, p, length);
        return out;
    }

    /** The DHT target of {@code key} without salt: SHA-1 of the 32 key bytes. */
    public static byte[] target(PublicKey key) {
        return target(key.bytes(), null);
    }

    /** The DHT target of {@code key} and {@code salt} (may be {@code null}). */
    public static byte[] target(PublicKey key, byte[] salt) {
        return target(key.bytes(), salt);
    }

    /** SHA-1 of {@code keyBytes} followed by {@code salt} (may be {@code null}). */
    public static byte[] target(byte[] keyBytes, byte[] salt) {
        requireNonNull(keyBytes, "keyBytes is null");
        SHA1Digest sha1 = new SHA1Digest();
        sha1.update(keyBytes, 0, keyBytes.length);
        if (salt != null) {
            sha1.update(salt, 0, salt.length);
        }
        byte[] out = new byte[TARGET_LENGTH];
        sha1.doFinal(out, 0);
        return out;
    }

    /** The DHT target of an immutable item: SHA-1 of its bencoded value (e.g. {@code 12:Hello World!}). */
    public static byte[] immutableTarget(byte[] bencodedValue) {
        return target(bencodedValue, null);
    }

    private static int put(byte[] out, int p, byte[] bytes) {
        System.arraycopy(bytes, 0, out, p, bytes.length);
        return p + bytes.length;
    }
}
