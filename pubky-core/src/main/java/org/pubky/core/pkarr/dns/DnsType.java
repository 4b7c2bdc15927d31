package org.pubky.core.pkarr.dns;

/** Record type codes used by this package (IANA "Resource Record (RR) TYPEs"). */
public final class DnsType {
    public static final int A = 1;
    public static final int NS = 2;
    public static final int CNAME = 5;
    public static final int SOA = 6;
    public static final int PTR = 12;
    public static final int MX = 15;
    public static final int TXT = 16;
    public static final int AAAA = 28;
    public static final int SRV = 33;
    public static final int OPT = 41;
    public static final int SVCB = 64;
    public static final int HTTPS = 65;

    private DnsType() {
    }

    /** True for the types that have a typed {@link RData} class here. */
    public static boolean isModelled(int type) {
        return type == A || type == NS || type == CNAME || type == TXT || type == AAAA || type == SVCB || type == HTTPS;
    }
}
