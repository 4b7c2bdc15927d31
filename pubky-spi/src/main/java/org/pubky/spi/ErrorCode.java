package org.pubky.spi;

/**
 * What went wrong, independent of transport.
 *
 * <p>Every failure in pubky-java is a {@link PubkyException} carrying one of these codes. The
 * HTTP status a code maps to is fixed here and nowhere else, so a resource never chooses a status
 * by itself: it throws the code whose meaning fits and the HTTP layer reads {@link #httpStatus()}.
 *
 * <p>New codes may be added in any release; callers that switch over this enum must keep a
 * default branch.
 */
public enum ErrorCode {
    // ---- malformed input (400) -------------------------------------------------------------
    /** Input that does not parse and fits no more precise code. */
    MALFORMED_INPUT(400),
    /** Not a valid z-base-32 Ed25519 public key (length, alphabet, trailing bits, curve point). */
    INVALID_PUBLIC_KEY(400),
    /** A storage path that breaks the rules of the protocol (segments, length, characters). */
    INVALID_PATH(400),
    /** A capability list that does not parse (the parse is all-or-nothing). */
    INVALID_CAPABILITIES(400),
    /** A legacy AuthToken that does not parse, has an unknown version or a bad signature. */
    INVALID_AUTH_TOKEN(400),
    /** A legacy AuthToken whose timestamp is older than the accepted window. */
    AUTH_TOKEN_EXPIRED(400),
    /** A legacy AuthToken whose timestamp is further in the future than the accepted window. */
    AUTH_TOKEN_IN_FUTURE(400),
    /** A legacy AuthToken that was already presented once. */
    AUTH_TOKEN_REPLAYED(400),
    /** A compact JWS (grant or proof of possession) that does not parse. */
    INVALID_JWS(400),
    /** A signup token that is not of the form {@code XXXX-XXXX-XXXX}. */
    INVALID_SIGNUP_TOKEN(400),
    /** A DNS message that does not parse or cannot be encoded. */
    INVALID_DNS_PACKET(400),
    /** A PKARR signed packet or relay payload that does not parse or does not verify. */
    INVALID_SIGNED_PACKET(400),
    /** Bencoded data that does not parse or is not canonical. */
    INVALID_BENCODE(400),
    /** A recovery file that does not have the expected layout. */
    INVALID_RECOVERY_FILE(400),
    /** Decryption failed: wrong passphrase or secret, or the ciphertext was altered. */
    DECRYPTION_FAILED(400),
    /** A signature that does not verify. */
    INVALID_SIGNATURE(400),
    /**
     * A request body that parses but whose values break the rules (an invalid quota setting, a
     * burst without a rate); the reference answers these with 422.
     */
    UNPROCESSABLE_CONTENT(422),

    // ---- authentication and authorization --------------------------------------------------
    /** No valid credentials for an operation that requires them. */
    UNAUTHORIZED(401),
    /** Valid credentials that do not allow this operation. */
    FORBIDDEN(403),

    // ---- state conflicts -------------------------------------------------------------------
    /** The addressed resource does not exist. */
    NOT_FOUND(404),
    /** The operation conflicts with current state (user exists, file/folder collision, …). */
    CONFLICT(409),
    /** A signed record is not more recent than the one already held. */
    NOT_MOST_RECENT(409),
    /** A body or value larger than the limit. */
    PAYLOAD_TOO_LARGE(413),
    /** Too many requests; retry later. */
    RATE_LIMITED(429),
    /** The user's storage quota would be exceeded. */
    QUOTA_EXCEEDED(507),

    // ---- the system ------------------------------------------------------------------------
    /** An optional capability that this implementation does not provide. */
    UNSUPPORTED(501),
    /** A backend (database, file system, network) failed. */
    STORAGE_FAILURE(500),
    /** A remote service did not answer in time. */
    TIMEOUT(504),
    /** A remote service or the network is not available. */
    UNAVAILABLE(503),
    /** A bug: an invariant of pubky-java itself was broken. */
    INTERNAL(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status this code is answered with; the single place where the mapping lives. */
    public int httpStatus() {
        return httpStatus;
    }
}
