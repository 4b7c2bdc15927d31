package org.pubky.dht.mainline.krpc;

/**
 * KRPC error codes (BEP 5 and BEP 44) and the messages this node sends with them. Constants only.
 */
public final class KrpcError {
    /** BEP 5: generic error. */
    public static final int GENERIC = 201;
    /** BEP 5: server error. */
    public static final int SERVER = 202;
    /** BEP 5: protocol error (malformed packet, invalid arguments, bad token). */
    public static final int PROTOCOL = 203;
    /** BEP 5: method unknown. */
    public static final int METHOD_UNKNOWN = 204;
    /** BEP 44: {@code v} too big. */
    public static final int VALUE_TOO_BIG = 205;
    /** BEP 44: invalid signature. */
    public static final int INVALID_SIGNATURE = 206;
    /** BEP 44: salt too big. */
    public static final int SALT_TOO_BIG = 207;
    /** BEP 44: the {@code cas} does not match the stored {@code seq}. */
    public static final int CAS_MISMATCH = 301;
    /** BEP 44: {@code seq} is not more recent than the stored one. */
    public static final int SEQ_TOO_LOW = 302;

    private KrpcError() {
    }

    /** The message this node sends with {@code code}. */
    public static String message(int code) {
        return switch (code) {
            case GENERIC -> "Generic Error";
            case SERVER -> "Server Error";
            case PROTOCOL -> "Protocol Error";
            case METHOD_UNKNOWN -> "Method Unknown";
            case VALUE_TOO_BIG -> "message (v field) too big.";
            case INVALID_SIGNATURE -> "invalid signature";
            case SALT_TOO_BIG -> "salt (salt field) too big.";
            case CAS_MISMATCH -> "the CAS hash mismatched, re-read value and try again.";
            case SEQ_TOO_LOW -> "sequence number less than current.";
            default -> "Error";
        };
    }
}
