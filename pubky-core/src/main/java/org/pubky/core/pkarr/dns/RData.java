package org.pubky.core.pkarr.dns;

/**
 * The data of a resource record. The types PKARR and Pubky use are modelled
 * ({@link ARecord}, {@link AaaaRecord}, {@link CnameRecord}, {@link NsRecord}, {@link TxtRecord},
 * {@link SvcbRecord}, {@link HttpsRecord}); every other type is carried as bytes by
 * {@link OpaqueRecord}, so decoding has no allow-list.
 *
 * <p>Implementations are immutable values with structural equality.
 */
public sealed interface RData permits ARecord, AaaaRecord, CnameRecord, NsRecord, TxtRecord, ServiceBinding, OpaqueRecord {
    /** The record type code (1 = A, 28 = AAAA, 65 = HTTPS, …). */
    int type();
}
