package org.pubky.core.pkarr.dns;

import static java.util.Objects.requireNonNull;

/**
 * A name-server record (type 2). The host name is compressed on encode.
 *
 * @param host the name server
 */
public record NsRecord(DnsName host) implements RData {
    public NsRecord {
        requireNonNull(host, "host is null");
    }

    @Override
    public int type() {
        return DnsType.NS;
    }
}
