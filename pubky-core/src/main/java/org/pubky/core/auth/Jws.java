package org.pubky.core.auth;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.pubky.core.encoding.Base64Url;
import org.pubky.core.encoding.Json;
import org.pubky.core.encoding.JsonObject;
import org.pubky.core.encoding.JsonWriter;
import org.pubky.core.keys.Keypair;
import org.pubky.core.keys.PublicKey;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * A compact JWS (RFC 7515) signed with Ed25519 (RFC 8037, {@code alg} EdDSA), the envelope of
 * grants and proofs of possession: {@code b64url(header).b64url(payload).b64url(signature)}, the
 * signature being the raw 64 bytes over the ASCII of the first two parts.
 *
 * <p>{@link #sign} writes the header exactly as the reference does,
 * {@code {"alg":"EdDSA","typ":"<type>"}}. {@link #parse} accepts any header that a standard JOSE
 * verifier configured for EdDSA would (members in any order, unknown members ignored) but
 * requires {@code alg} to be {@code EdDSA} and the segments to be canonical base64url.
 *
 * <p>Immutable and thread-safe.
 */
public final class Jws {
    /** {@code typ} of grants. */
    public static final String GRANT_TYPE = "pubky-grant";
    /** {@code typ} of proofs of possession. */
    public static final String POP_TYPE = "pubky-pop";
    /** Longest compact form accepted; real grants are well under 4 KiB. */
    public static final int MAX_LENGTH = 64 * 1024;
    private static final int MAX_DEPTH = 8;

    private final String compact;
    private final int signingInputEnd;
    private final String type;
    private final byte[] payload;
    private final byte[] signature;

    private Jws(String compact, int signingInputEnd, String type, byte[] payload, byte[] signature) {
        this.compact = compact;
        this.signingInputEnd = signingInputEnd;
        this.type = type;
        this.payload = payload;
        this.signature = signature;
    }

    /** Signs {@code payloadJson} (used as given, so its bytes are what gets signed). */
    public static String sign(Keypair signer, String type, String payloadJson) {
        requireNonNull(signer, "signer is null");
        requireNonNull(type, "type is null");
        requireNonNull(payloadJson, "payloadJson is null");
        String header = new JsonWriter().beginObject().name("alg").value("EdDSA").name("typ").value(type)
                .endObject().toString();
        String signingInput = Base64Url.encode(header.getBytes(StandardCharsets.UTF_8)) + '.'
                + Base64Url.encode(payloadJson.getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + '.' + Base64Url.encode(signature);
    }

    /**
     * Splits and decodes a compact JWS without checking the signature.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_JWS} if it is not a well-formed EdDSA JWS
     */
    public static Jws parse(String compact) {
        requireNonNull(compact, "compact is null");
        if (compact.length() > MAX_LENGTH) {
            throw invalid("JWS longer than " + MAX_LENGTH + " characters");
        }
        int first = compact.indexOf('.');
        int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
        if (second < 0 || compact.indexOf('.', second + 1) >= 0) {
            throw invalid("JWS compact must have 3 dot-separated parts");
        }
        byte[] headerBytes = decodePart(compact.substring(0, first), "header");
        byte[] payload = decodePart(compact.substring(first + 1, second), "payload");
        byte[] signature = decodePart(compact.substring(second + 1), "signature");
        JsonObject header = JsonObject.of(
                Json.parse(headerBytes, MAX_LENGTH, MAX_DEPTH, ErrorCode.INVALID_JWS), ErrorCode.INVALID_JWS, "JWS header");
        if (!"EdDSA".equals(header.string("alg"))) {
            throw invalid("JWS alg must be EdDSA");
        }
        String type = header.optionalString("typ").orElse(null);
        if (signature.length != Keypair.SIGNATURE_LENGTH) {
            throw invalid("JWS signature must be 64 bytes, got " + signature.length);
        }
        return new Jws(compact, second, type, payload, signature);
    }

    /** The header's {@code typ}, if any. */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** A copy of the decoded payload. */
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload parsed as a JSON object; errors are {@link ErrorCode#INVALID_JWS}. */
    public JsonObject claims(String what) {
        return JsonObject.of(Json.parse(payload, MAX_LENGTH, MAX_DEPTH, ErrorCode.INVALID_JWS),
                ErrorCode.INVALID_JWS, what);
    }

    /** True if the signature verifies with {@code key}. */
    public boolean isSignedBy(PublicKey key) {
        byte[] input = compact.substring(0, signingInputEnd).getBytes(StandardCharsets.US_ASCII);
        return key.verify(input, signature);
    }

    /**
     * Checks the signature.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_SIGNATURE} with {@code message} if it fails
     */
    public void requireSignedBy(PublicKey key, String message) {
        if (!isSignedBy(key)) {
            throw new PubkyException(ErrorCode.INVALID_SIGNATURE, message);
        }
    }

    /** The compact form as received. */
    public String compact() {
        return compact;
    }

    /** Names the type only: a grant is a credential and stays out of logs. */
    @Override
    public String toString() {
        return "Jws[typ=" + type + "]";
    }

    private static byte[] decodePart(String part, String name) {
        try {
            return Base64Url.decode(part, ErrorCode.INVALID_JWS);
        } catch (PubkyException e) {
            throw invalid("invalid base64url in JWS " + name);
        }
    }

    static PubkyException invalid(String message) {
        return new PubkyException(ErrorCode.INVALID_JWS, message);
    }
}
