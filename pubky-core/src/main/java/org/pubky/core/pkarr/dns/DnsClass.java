package org.pubky.core.pkarr.dns;

/**
 * Class codes. PKARR writes only {@link #IN}; decoding accepts the classes {@code simple-dns}
 * accepts, optionally with the mDNS top bit (cache-flush / unicast-response), which is kept.
 */
public final class DnsClass {
    public static final int IN = 1;
    public static final int CS = 2;
    public static final int CH = 3;
    public static final int HS = 4;
    public static final int NONE = 254;
    /** Question class "any"; not valid in a record. */
    public static final int ANY = 255;
    /** The mDNS top bit of the class field. */
    public static final int TOP_BIT = 0x8000;

    private DnsClass() {
    }

    /** True if {@code value} (top bit ignored) is a class a record may carry. */
    public static boolean isRecordClass(int value) {
        int c = value & 0x7fff;
        return value >= 0 && value <= 0xffff && (c == IN || c == CS || c == CH || c == HS || c == NONE);
    }

    /** True if {@code value} (top bit ignored) is a class a question may carry. */
    public static boolean isQuestionClass(int value) {
        return isRecordClass(value) || (value >= 0 && value <= 0xffff && (value & 0x7fff) == ANY);
    }
}
