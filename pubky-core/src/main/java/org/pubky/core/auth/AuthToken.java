package org.pubky.core.auth;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.pubky.core.encoding.PostcardReader;
import org.pubky.core.encoding.PostcardWriter;
import org.pubky.core.keys.Keypair;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.Capabilities;
import org.pubky.core.time.Timestamp;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The legacy signed AuthToken of the cookie flow ({@code POST /signup}, {@code POST /session}),
 * in its exact postcard layout:
 *
 * <pre>
 * offset  length  field
 *      0      64  Ed25519 signature over bytes [65, end)
 *     64      10  "PUBKY:AUTH"
 *     74       1  version, 0
 *     75       8  timestamp, microseconds, big-endian
 *     83      32  public key of the signer (and owner of the resources)
 *    115     var  capabilities: varint byte length + comma-separated UTF-8
 * </pre>
 *
 * <p>The signature starts one byte into the namespace, a quirk of the reference kept for
 * compatibility. {@link #parse} checks the structure only; {@link #verifySignature()} checks the
 * signature and {@link AuthTokenVerifier} adds the clock window and replay protection.
 *
 * <p>Immutable and thread-safe.
 */
public final class AuthToken {
    /** The namespace bytes at offset 64. */
    public static final byte[] NAMESPACE = "PUBKY:AUTH".getBytes(StandardCharsets.US_ASCII);
    /** The only version this implementation knows. */
    public static final int CURRENT_VERSION = 0;
    /** Offset where the signed bytes start. */
    public static final int SIGNED_FROM = 65;
    /** Length of everything before the capabilities. */
    public static final int FIXED_LENGTH = 115;
    /**
     * Upper bound on the capabilities string: 64 KiB is far more than any real list (a scope is at
     * most 972 bytes) and keeps a hostile length prefix from meaning anything.
     */
    public static final int MAX_CAPABILITIES_BYTES = 64 * 1024;

    private static final int VERSION_OFFSET = 74;
    private static final int TIMESTAMP_OFFSET = 75;
    private static final int KEY_OFFSET = 83;

    private final byte[] bytes;
    private final Timestamp timestamp;
    private final PublicKey publicKey;
    private final Capabilities capabilities;

    private AuthToken(byte[] bytes, Timestamp timestamp, PublicKey publicKey, Capabilities capabilities) {
        this.bytes = bytes;
        this.timestamp = timestamp;
        this.publicKey = publicKey;
        this.capabilities = capabilities;
    }

    /** Builds and signs a token for {@code signer}'s own key. */
    public static AuthToken sign(Keypair signer, Timestamp timestamp, Capabilities capabilities) {
        requireNonNull(signer, "signer is null");
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(capabilities, "capabilities is null");
        PostcardWriter out = new PostcardWriter(FIXED_LENGTH + 64);
        out.writeFixed(new byte[Keypair.SIGNATURE_LENGTH])
                .writeFixed(NAMESPACE)
                .writeU8(CURRENT_VERSION)
                .writeFixed(timestamp.toBytes())
                .writeFixed(signer.publicKey().bytes())
                .writeString(capabilities.toString());
        byte[] bytes = out.toByteArray();
        byte[] signature = signer.sign(bytes, SIGNED_FROM, bytes.length - SIGNED_FROM);
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return new AuthToken(bytes, timestamp, signer.publicKey(), capabilities);
    }

    /**
     * Parses the layout without checking the signature or the clock. Unlike the reference, which
     * ignores them, a wrong namespace and bytes after the capabilities are refused.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_AUTH_TOKEN} for a bad layout or an unknown
     *     version ({@code Unknown version}); {@link ErrorCode#INVALID_CAPABILITIES} for a bad
     *     capability list
     */
    public static AuthToken parse(byte[] token) {
        requireNonNull(token, "token is null");
        if (token.length > VERSION_OFFSET && (token[VERSION_OFFSET] & 0xff) > CURRENT_VERSION) {
            throw invalid("Unknown version");
        }
        if (token.length <= FIXED_LENGTH) {
            throw invalid("AuthToken is " + token.length + " bytes; at least " + (FIXED_LENGTH + 1) + " expected");
        }
        if (!Arrays.equals(token, Keypair.SIGNATURE_LENGTH, VERSION_OFFSET, NAMESPACE, 0, NAMESPACE.length)) {
            throw invalid("AuthToken does not carry the PUBKY:AUTH namespace");
        }
        long micros = readLongBigEndian(token, TIMESTAMP_OFFSET);
        if (micros < 0) {
            throw invalid("AuthToken timestamp out of range");
        }
        PublicKey key;
        try {
            key = PublicKey.fromBytes(Arrays.copyOfRange(token, KEY_OFFSET, KEY_OFFSET + PublicKey.LENGTH));
        } catch (PubkyException e) {
            throw invalid("AuthToken carries an invalid public key: " + e.getMessage());
        }
        PostcardReader in = new PostcardReader(token, FIXED_LENGTH, token.length - FIXED_LENGTH,
                ErrorCode.INVALID_AUTH_TOKEN);
        String caps = in.readString(MAX_CAPABILITIES_BYTES);
        in.expectEnd();
        return new AuthToken(token.clone(), new Timestamp(micros), key, Capabilities.parse(caps));
    }

    /**
     * Checks the signature with the embedded key.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_AUTH_TOKEN} {@code Invalid Signature}
     */
    public void verifySignature() {
        byte[] signature = Arrays.copyOf(bytes, Keypair.SIGNATURE_LENGTH);
        if (!publicKey.verify(bytes, SIGNED_FROM, bytes.length - SIGNED_FROM, signature)) {
            throw invalid("Invalid Signature");
        }
    }

    /** When the token was made; the replay key together with {@link #publicKey()}. */
    public Timestamp timestamp() {
        return timestamp;
    }

    /** The signer, who is also the user the token speaks for. */
    public PublicKey publicKey() {
        return publicKey;
    }

    public Capabilities capabilities() {
        return capabilities;
    }

    /** A copy of the 64-byte signature. */
    public byte[] signature() {
        return Arrays.copyOf(bytes, Keypair.SIGNATURE_LENGTH);
    }

    /** A copy of the serialized token. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthToken other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "AuthToken[" + publicKey + " @" + timestamp.micros() + " " + capabilities + "]";
    }

    static PubkyException invalid(String message) {
        return new PubkyException(ErrorCode.INVALID_AUTH_TOKEN, message);
    }

    private static long readLongBigEndian(byte[] b, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[offset + i] & 0xff);
        }
        return v;
    }
}
