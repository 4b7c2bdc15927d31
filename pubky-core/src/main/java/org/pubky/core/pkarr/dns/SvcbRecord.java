package org.pubky.core.pkarr.dns;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A service binding record (SVCB, type 64). Params may be given in any order; they are kept sorted by key (a key may appear
 * once).
 *
 * @param priority SvcPriority, 0–65535 (0 = AliasMode)
 * @param target TargetName, never compressed on the wire
 * @param params the SvcParams
 */
public record SvcbRecord(int priority, DnsName target, List<SvcParam> params) implements ServiceBinding {
    public SvcbRecord {
        ServiceBinding.checkPriority(priority);
        requireNonNull(target, "target is null");
        params = ServiceBinding.sortedParams(requireNonNull(params, "params is null"));
    }

    /** A record without params. */
    public SvcbRecord(int priority, DnsName target) {
        this(priority, target, List.of());
    }

    @Override
    public int type() {
        return DnsType.SVCB;
    }
}
