package org.pubky.core.pkarr.dns;

import static java.util.Objects.requireNonNull;

/**
 * A canonical-name record (type 5). The target is compressed on encode.
 *
 * @param target the canonical name
 */
public record CnameRecord(DnsName target) implements RData {
    public CnameRecord {
        requireNonNull(target, "target is null");
    }

    @Override
    public int type() {
        return DnsType.CNAME;
    }
}
