package org.pubky.core.auth;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.pubky.core.encoding.PostcardReader;
import org.pubky.core.encoding.PostcardWriter;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.Capability;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The body of cookie-flow session responses ({@code POST /signup}, {@code POST /session},
 * {@code GET /session}), in postcard: version varint (0), public key (32 raw bytes),
 * {@code created_at} varint, {@code name} string, {@code user_agent} string, and the capabilities
 * as a varint count of strings.
 *
 * <p>{@code createdAt} is whatever the caller puts there: the reference sends microseconds after
 * signup/signin but seconds from {@code GET /session}. {@code name} and {@code userAgent} are
 * deprecated and normally empty.
 *
 * @param publicKey the session's user
 * @param createdAt creation time, unit chosen by the caller, never negative
 * @param name deprecated, normally empty
 * @param userAgent deprecated, normally empty
 * @param capabilities what the session may do
 */
public record CookieSessionRecord(PublicKey publicKey, long createdAt, String name, String userAgent,
                                  List<Capability> capabilities) {
    /** Bound on decoded strings; real values are short. */
    private static final int MAX_STRING_BYTES = 64 * 1024;
    /** Bound on the decoded capability count; each one takes at least 3 bytes anyway. */
    private static final int MAX_CAPABILITIES = 16 * 1024;

    public CookieSessionRecord {
        requireNonNull(publicKey, "publicKey is null");
        requireNonNull(name, "name is null");
        requireNonNull(userAgent, "userAgent is null");
        capabilities = List.copyOf(requireNonNull(capabilities, "capabilities is null"));
        if (createdAt < 0) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "created_at must not be negative");
        }
    }

    /** The postcard bytes. */
    public byte[] encode() {
        PostcardWriter out = new PostcardWriter(64 + capabilities.size() * 24);
        out.writeVarU64(0).writeFixed(publicKey.bytes()).writeVarU64(createdAt)
                .writeString(name).writeString(userAgent).writeVarU64(capabilities.size());
        for (Capability capability : capabilities) {
            out.writeString(capability.toString());
        }
        return out.toByteArray();
    }

    /**
     * Decodes the postcard bytes; trailing bytes are refused.
     *
     * @throws PubkyException {@link ErrorCode#MALFORMED_INPUT} ({@code Empty payload},
     *     {@code Unknown version}, layout), {@link ErrorCode#INVALID_PUBLIC_KEY} or
     *     {@link ErrorCode#INVALID_CAPABILITIES}
     */
    public static CookieSessionRecord decode(byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        if (bytes.length == 0) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "Empty payload");
        }
        if (bytes[0] != 0) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "Unknown version");
        }
        PostcardReader in = new PostcardReader(bytes, ErrorCode.MALFORMED_INPUT);
        in.skip(1);
        byte[] key = new byte[PublicKey.LENGTH];
        in.readFixed(key);
        long createdAt = in.readVarU64();
        if (createdAt < 0) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "created_at out of range");
        }
        String name = in.readString(MAX_STRING_BYTES);
        String userAgent = in.readString(MAX_STRING_BYTES);
        int count = in.readLength(Math.min(MAX_CAPABILITIES, in.remaining()));
        List<Capability> capabilities = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            capabilities.add(Capability.parse(in.readString(MAX_STRING_BYTES)));
        }
        in.expectEnd();
        return new CookieSessionRecord(PublicKey.fromBytes(key), createdAt, name, userAgent, capabilities);
    }
}
