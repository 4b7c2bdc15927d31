package org.pubky.core.keys;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.pubky.core.encoding.Base32;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * An Ed25519 public key: 32 bytes that decode to a point on the curve.
 *
 * <p>The wire form is 52 characters of z-base-32 ({@link #z32()}). {@link #fromZ32} accepts only
 * that; {@link #parse} also accepts the forms the reference's lenient parser peels off
 * ({@code pk:<z32>}, {@code pubky://<z32>/path}, {@code _pubky.<z32>}, …). The display form
 * {@code pubky<z32>} ({@link #displayForm()}) is for humans and is refused by both.
 *
 * <p>Immutable and thread-safe; equality is by key bytes.
 */
public final class PublicKey implements Comparable<PublicKey> {
    /** Length of the raw key. */
    public static final int LENGTH = 32;
    /** Length of the z-base-32 form. */
    public static final int Z32_LENGTH = 52;
    private static final String DISPLAY_PREFIX = "pubky";

    private final byte[] bytes;
    private final String z32;
    private final Ed25519.PublicPoint point;

    private PublicKey(byte[] bytes, String z32, Ed25519.PublicPoint point) {
        this.bytes = bytes;
        this.z32 = z32;
        this.point = point;
    }

    /**
     * Builds a key from its 32 raw bytes.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_PUBLIC_KEY} if the length is wrong or the
     *     bytes are not a point on the curve
     */
    public static PublicKey fromBytes(byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        if (bytes.length != LENGTH) {
            throw invalid("public key must be 32 bytes, got " + bytes.length);
        }
        byte[] copy = bytes.clone();
        return new PublicKey(copy, Base32.Z.encode(copy), decodePoint(copy));
    }

    /**
     * Parses exactly 52 characters of z-base-32: lowercase, canonical trailing bits, a curve point.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_PUBLIC_KEY} otherwise
     */
    public static PublicKey fromZ32(String z32) {
        requireNonNull(z32, "z32 is null");
        if (z32.length() != Z32_LENGTH) {
            throw invalid("public key must be 52 z-base-32 characters, got " + z32.length());
        }
        byte[] raw;
        try {
            raw = Base32.Z.decodeCanonical(z32, LENGTH);
        } catch (PubkyException e) {
            throw invalid("invalid z-base-32 public key: " + e.getMessage());
        }
        return new PublicKey(raw, z32, decodePoint(raw));
    }

    /**
     * Parses a key the way the reference's lenient parser does: a string of exactly 52 characters
     * is z-base-32; a longer one is stripped of scheme, {@code //}, user info, port, path, query,
     * fragment and trailing dots, and its last DNS label is taken. So {@code pk:<z32>},
     * {@code pubky://<z32>/pub/x} and {@code _pubky.<z32>} all yield the key. The display form
     * {@code pubky<z32>} is refused: it is never valid on the wire.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_PUBLIC_KEY} if no key can be found
     */
    public static PublicKey parse(String text) {
        requireNonNull(text, "text is null");
        if (isDisplayForm(text)) {
            throw invalid("the display form pubky<key> is not accepted here; use the bare z-base-32 key");
        }
        if (text.length() <= Z32_LENGTH) {
            return fromZ32(text);
        }
        String s = text;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            s = s.substring(colon + 1);
        }
        if (s.startsWith("//")) {
            s = s.substring(2);
        }
        int at = s.indexOf('@');
        if (at >= 0) {
            s = s.substring(at + 1);
        }
        s = cutAt(s, ':');
        s = cutAt(s, '/');
        s = cutAt(s, '?');
        s = cutAt(s, '#');
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '.') {
            end--;
        }
        s = s.substring(0, end);
        int dot = s.lastIndexOf('.');
        if (dot >= 0) {
            s = s.substring(dot + 1);
        }
        return fromZ32(s);
    }

    /** True for {@code pubky<52 characters>}: the human display form, never valid on the wire. */
    public static boolean isDisplayForm(String text) {
        return text != null && text.length() == DISPLAY_PREFIX.length() + Z32_LENGTH
                && text.startsWith(DISPLAY_PREFIX);
    }

    /** A copy of the 32 raw bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The 52-character z-base-32 wire form. */
    public String z32() {
        return z32;
    }

    /** The human display form {@code pubky<z32>}; never send this on the wire. */
    public String displayForm() {
        return DISPLAY_PREFIX + z32;
    }

    /** The {@code pk:<z32>} URI form. */
    public String uri() {
        return "pk:" + z32;
    }

    /** Verifies an Ed25519 signature (RFC 8032, pure) over {@code message}. */
    public boolean verify(byte[] message, byte[] signature) {
        return verify(message, 0, message.length, signature);
    }

    /** Verifies an Ed25519 signature over {@code message[offset, offset + length)}. */
    public boolean verify(byte[] message, int offset, int length, byte[] signature) {
        requireNonNull(message, "message is null");
        requireNonNull(signature, "signature is null");
        if (signature.length != Keypair.SIGNATURE_LENGTH) {
            return false;
        }
        return Ed25519.verify(signature, 0, point, message, offset, length);
    }

    /** Copies the raw key into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, LENGTH);
    }

    @Override
    public int compareTo(PublicKey other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The z-base-32 form. */
    @Override
    public String toString() {
        return z32;
    }

    private static Ed25519.PublicPoint decodePoint(byte[] raw) {
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(raw, 0);
        if (point == null) {
            throw invalid("public key is not a point on the Ed25519 curve");
        }
        return point;
    }

    private static String cutAt(String s, char c) {
        int i = s.indexOf(c);
        return i >= 0 ? s.substring(0, i) : s;
    }

    private static PubkyException invalid(String message) {
        return new PubkyException(ErrorCode.INVALID_PUBLIC_KEY, message);
    }
}
