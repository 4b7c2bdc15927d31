package org.pubky.core.auth;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.pubky.core.encoding.JsonObject;
import org.pubky.core.encoding.JsonWriter;
import org.pubky.core.keys.Keypair;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.Capabilities;
import org.pubky.core.path.Capability;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The claims of a grant: a user-signed JWS ({@code typ} {@code pubky-grant}) letting a client key
 * act for the user with given capabilities. JSON members, in the order written:
 * {@code iss, client_id, caps, cnf, jti, iat, exp}; times in Unix seconds. There is no audience:
 * one grant works on every homeserver of the user.
 *
 * <p>Decoding ignores unknown members; checks are those of the reference: {@code client_id} 1–253
 * UTF-8 bytes, {@code jti} a {@link RandomId}, keys z-base-32, capabilities each valid.
 *
 * @param iss the user, who signs the grant
 * @param clientId the application's id (usually a domain name)
 * @param caps what the grant allows, as an array of capability strings on the wire
 * @param cnf the client key that must sign each proof of possession
 * @param jti the grant id (revocation target)
 * @param iat issued at, seconds
 * @param exp expires at, seconds
 */
public record Grant(PublicKey iss, String clientId, Capabilities caps, PublicKey cnf, String jti,
                    long iat, long exp) {
    /** Longest {@code client_id}, in UTF-8 bytes (the DNS name limit). */
    public static final int MAX_CLIENT_ID_BYTES = 253;

    /** @throws PubkyException {@link ErrorCode#INVALID_JWS} if a claim breaks a rule */
    public Grant {
        requireNonNull(iss, "iss is null");
        requireNonNull(clientId, "clientId is null");
        requireNonNull(caps, "caps is null");
        requireNonNull(cnf, "cnf is null");
        if (clientId.isEmpty()) {
            throw Jws.invalid("invalid grant: ClientId must not be empty");
        }
        if (clientId.getBytes(StandardCharsets.UTF_8).length > MAX_CLIENT_ID_BYTES) {
            throw Jws.invalid("invalid grant: ClientId must be at most 253 characters");
        }
        RandomId.require(jti, ErrorCode.INVALID_JWS, "invalid grant: jti");
        if (iat < 0 || exp < 0) {
            throw Jws.invalid("invalid grant: iat and exp must not be negative");
        }
    }

    /** The claims as JSON, byte-for-byte as the reference serializes them. */
    public String toJson() {
        JsonWriter w = new JsonWriter().beginObject()
                .name("iss").value(iss.z32())
                .name("client_id").value(clientId)
                .name("caps").beginArray();
        for (Capability cap : caps.entries()) {
            w.value(cap.toString());
        }
        return w.endArray()
                .name("cnf").value(cnf.z32())
                .name("jti").value(jti)
                .name("iat").value(iat)
                .name("exp").value(exp)
                .endObject().toString();
    }

    /** The compact JWS, signed by {@code signer} (normally the key of {@link #iss}). */
    public String sign(Keypair signer) {
        return Jws.sign(signer, Jws.GRANT_TYPE, toJson());
    }

    /**
     * Decodes the claims without checking signature or type, as clients do to inspect a grant.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_JWS} (or the code of the bad key or
     *     capability) if the JWS or its claims do not parse
     */
    public static Grant decode(String compact) {
        return fromClaims(Jws.parse(compact).claims("grant"));
    }

    /**
     * Verifies a grant as the homeserver does, in its order: decode, signature by {@code iss},
     * then {@code typ}. Expiry and revocation are the caller's business.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_JWS} for format or type errors,
     *     {@link ErrorCode#INVALID_SIGNATURE} ({@code invalid grant signature})
     */
    public static Grant verify(String compact) {
        Jws jws = Jws.parse(compact);
        Grant grant = fromClaims(jws.claims("grant"));
        jws.requireSignedBy(grant.iss(), "invalid grant signature");
        if (!jws.type().filter(Jws.GRANT_TYPE::equals).isPresent()) {
            throw Jws.invalid("invalid grant header type, expected pubky-grant");
        }
        return grant;
    }

    /** True once {@code exp} is not after {@code nowSeconds}. */
    public boolean isExpiredAt(long nowSeconds) {
        return exp <= nowSeconds;
    }

    static Grant fromClaims(JsonObject claims) {
        List<Capability> caps = new ArrayList<>();
        for (String cap : claims.stringArray("caps")) {
            caps.add(Capability.parse(cap));
        }
        return new Grant(key(claims, "iss"), claims.string("client_id"), new Capabilities(caps),
                key(claims, "cnf"), claims.string("jti"), claims.nonNegativeLong("iat"),
                claims.nonNegativeLong("exp"));
    }

    static PublicKey key(JsonObject claims, String name) {
        String z32 = claims.string(name);
        try {
            return PublicKey.fromZ32(z32);
        } catch (PubkyException e) {
            throw Jws.invalid("invalid " + name + ": " + e.getMessage());
        }
    }
}
