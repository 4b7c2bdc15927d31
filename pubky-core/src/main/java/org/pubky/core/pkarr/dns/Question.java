package org.pubky.core.pkarr.dns;

import static java.util.Objects.requireNonNull;

import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * An entry of the question section. PKARR packets have none, but decoding keeps them.
 *
 * @param name the queried name
 * @param type the queried type, 0–65535
 * @param dnsClass the raw class field (a record class or ANY, optionally with the top bit)
 */
public record Question(DnsName name, int type, int dnsClass) {
    public Question {
        requireNonNull(name, "name is null");
        if (type < 0 || type > 0xffff) {
            throw new PubkyException(ErrorCode.INVALID_DNS_PACKET, "question type must be 0 to 65535, got " + type);
        }
        if (!DnsClass.isQuestionClass(dnsClass)) {
            throw new PubkyException(ErrorCode.INVALID_DNS_PACKET, "unsupported question class " + dnsClass);
        }
    }
}
