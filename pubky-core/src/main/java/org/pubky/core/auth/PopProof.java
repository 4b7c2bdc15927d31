package org.pubky.core.auth;

import static java.util.Objects.requireNonNull;

import org.pubky.core.encoding.JsonObject;
import org.pubky.core.encoding.JsonWriter;
import org.pubky.core.keys.Keypair;
import org.pubky.core.keys.PublicKey;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The claims of a proof of possession: a JWS ({@code typ} {@code pubky-pop}) signed by a grant's
 * {@code cnf} key, bound to one homeserver and one grant. JSON members, in the order written:
 * {@code aud, gid, nonce, iat} (seconds).
 *
 * @param aud the homeserver the proof is for
 * @param gid the grant's {@code jti}
 * @param nonce a {@link RandomId}, single-use at the homeserver
 * @param iat issued at, seconds
 */
public record PopProof(PublicKey aud, String gid, String nonce, long iat) {
    /** Accepted distance between {@code iat} and the server's clock, in seconds. */
    public static final long MAX_AGE_SECONDS = 180;

    /** @throws PubkyException {@link ErrorCode#INVALID_JWS} if a claim breaks a rule */
    public PopProof {
        requireNonNull(aud, "aud is null");
        RandomId.require(gid, ErrorCode.INVALID_JWS, "invalid PoP: gid");
        RandomId.require(nonce, ErrorCode.INVALID_JWS, "invalid PoP: nonce");
        if (iat < 0) {
            throw Jws.invalid("invalid PoP: iat must not be negative");
        }
    }

    /** The claims as JSON, byte-for-byte as the reference serializes them. */
    public String toJson() {
        return new JsonWriter().beginObject()
                .name("aud").value(aud.z32())
                .name("gid").value(gid)
                .name("nonce").value(nonce)
                .name("iat").value(iat)
                .endObject().toString();
    }

    /** The compact JWS, signed by {@code clientKey} (the grant's {@code cnf}). */
    public String sign(Keypair clientKey) {
        return Jws.sign(clientKey, Jws.POP_TYPE, toJson());
    }

    /** Decodes the claims without checking signature or type. */
    public static PopProof decode(String compact) {
        return fromClaims(Jws.parse(compact).claims("PoP"));
    }

    /**
     * Verifies a proof as the homeserver does, in its order: signature by {@code cnf}, then
     * {@code typ}. Audience, grant binding, freshness and nonce reuse are the caller's checks.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_JWS} for format or type errors,
     *     {@link ErrorCode#INVALID_SIGNATURE} ({@code invalid PoP signature})
     */
    public static PopProof verify(String compact, PublicKey cnf) {
        requireNonNull(cnf, "cnf is null");
        Jws jws = Jws.parse(compact);
        jws.requireSignedBy(cnf, "invalid PoP signature");
        PopProof proof = fromClaims(jws.claims("PoP"));
        if (!jws.type().filter(Jws.POP_TYPE::equals).isPresent()) {
            throw Jws.invalid("invalid PoP header type, expected pubky-pop");
        }
        return proof;
    }

    /** True if {@code iat} is within {@value #MAX_AGE_SECONDS} s of {@code nowSeconds}. */
    public boolean isFreshAt(long nowSeconds) {
        return Math.abs(nowSeconds - iat) <= MAX_AGE_SECONDS;
    }

    private static PopProof fromClaims(JsonObject claims) {
        return new PopProof(Grant.key(claims, "aud"), claims.string("gid"), claims.string("nonce"),
                claims.nonNegativeLong("iat"));
    }
}
