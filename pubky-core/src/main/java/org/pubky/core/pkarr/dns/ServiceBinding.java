package org.pubky.core.pkarr.dns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The shared shape of {@link SvcbRecord} (type 64) and {@link HttpsRecord} (type 65), RFC 9460:
 * priority (0 = AliasMode), target name (written uncompressed, as §2.2 requires; {@code .} is the
 * root) and SvcParams in strictly increasing key order.
 */
public sealed interface ServiceBinding extends RData permits SvcbRecord, HttpsRecord {
    /** SvcPriority, 0–65535; 0 is AliasMode. */
    int priority();

    /** TargetName; the root means "the owner name itself" in ServiceMode. */
    DnsName target();

    /** The SvcParams, sorted by key, no key twice. */
    List<SvcParam> params();

    /** The param with {@code key}, or {@code null}. */
    default SvcParam param(int key) {
        for (SvcParam p : params()) {
            if (p.key() == key) {
                return p;
            }
        }
        return null;
    }

    /** The {@code port} param, if present. */
    default OptionalInt port() {
        return param(SvcParam.PORT) instanceof SvcParam.Port p ? OptionalInt.of(p.port()) : OptionalInt.empty();
    }

    /** Copies, sorts and checks a param list; shared by the two record classes. */
    static List<SvcParam> sortedParams(List<SvcParam> params) {
        List<SvcParam> sorted = new ArrayList<>(params);
        for (SvcParam p : sorted) {
            if (p == null) {
                throw new NullPointerException("param is null");
            }
        }
        sorted.sort(Comparator.comparingInt(SvcParam::key));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).key() == sorted.get(i - 1).key()) {
                throw new PubkyException(ErrorCode.INVALID_DNS_PACKET, "SvcParamKey " + sorted.get(i).key() + " appears twice");
            }
        }
        return List.copyOf(sorted);
    }

    static void checkPriority(int priority) {
        if (priority < 0 || priority > 0xffff) {
            throw new PubkyException(ErrorCode.INVALID_DNS_PACKET, "SvcPriority must be 0 to 65535, got " + priority);
        }
    }
}
