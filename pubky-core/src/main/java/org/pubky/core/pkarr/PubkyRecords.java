package org.pubky.core.pkarr;

import static java.util.Objects.requireNonNull;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.pkarr.dns.ARecord;
import org.pubky.core.pkarr.dns.AaaaRecord;
import org.pubky.core.pkarr.dns.DnsName;
import org.pubky.core.pkarr.dns.HttpsRecord;
import org.pubky.core.pkarr.dns.ResourceRecord;
import org.pubky.core.pkarr.dns.ServiceBinding;
import org.pubky.core.pkarr.dns.SvcParam;
import org.pubky.spi.PubkyException;

/**
 * Pubky's conventions on top of PKARR (pubky-core {@code pkdns.rs} and
 * {@code key_republisher.rs}).
 *
 * <ul>
 *   <li>A user's homeserver pointer: an HTTPS record at {@code _pubky.<user>}, priority 0
 *       (AliasMode), target the homeserver's z-base-32 key, no params, TTL 3600.</li>
 *   <li>A homeserver's own packet, all at the apex, TTL 3600: HTTPS priority 1 target {@code .}
 *       with {@code port} and {@code ipv4hint}/{@code ipv6hint}; HTTPS priority 10 targeting the
 *       ICANN domain, with the private param 65280 (HTTP port, 2 bytes big-endian) only when the
 *       domain is exactly {@code localhost}; an A or AAAA record.</li>
 * </ul>
 *
 * <p>Records are returned with relative names ({@code _pubky}, {@code .}) for
 * {@link SignedPacketBuilder}, which qualifies them with the signer's key. Stateless.
 */
public final class PubkyRecords {
    /** Relative name of the homeserver pointer. */
    public static final String PUBKY_NAME = "_pubky";
    /** TTL of every Pubky record, in seconds. */
    public static final long TTL = 3600;
    /** Private SvcParamKey carrying the plain-HTTP port of a {@code localhost} homeserver. */
    public static final int HTTP_PORT_PARAM = 65280;
    /** Priority of the direct (Pubky TLS) endpoint record. */
    public static final int DIRECT_PRIORITY = 1;
    /** Priority of the ICANN-domain endpoint record. */
    public static final int ICANN_PRIORITY = 10;

    private PubkyRecords() {
    }

    /** The {@code _pubky} HTTPS record pointing at {@code homeserver}. */
    public static ResourceRecord homeserverPointer(PublicKey homeserver) {
        requireNonNull(homeserver, "homeserver is null");
        return new ResourceRecord(DnsName.of(PUBKY_NAME), TTL, new HttpsRecord(0, DnsName.of(homeserver.z32())));
    }

    /**
     * The records of a user's packet that points at {@code homeserver}: every record of
     * {@code existing} (may be {@code null}) whose name does not start with {@code _pubky} — the
     * SDK's rule when it republishes — followed by the pointer.
     */
    public static List<ResourceRecord> userRecords(SignedPacket existing, PublicKey homeserver) {
        List<ResourceRecord> out = new ArrayList<>();
        if (existing != null) {
            for (ResourceRecord rr : existing.allResourceRecords()) {
                if (!rr.name().toString().startsWith(PUBKY_NAME)) {
                    out.add(rr);
                }
            }
        }
        out.add(homeserverPointer(homeserver));
        return out;
    }

    /**
     * The homeserver named by {@code packet}: the target of the first HTTPS or SVCB record at
     * {@code _pubky}, parsed leniently as a key like the reference does; empty if there is no
     * such record or that first target is not a key (a domain-only pointer).
     */
    public static Optional<PublicKey> homeserverOf(SignedPacket packet) {
        requireNonNull(packet, "packet is null");
        for (ResourceRecord rr : packet.resourceRecords(PUBKY_NAME)) {
            if (rr.data() instanceof ServiceBinding sb) {
                try {
                    return Optional.of(PublicKey.parse(sb.target().toString()));
                } catch (PubkyException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The records of a homeserver's own packet, in the reference's order. */
    public static List<ResourceRecord> homeserverRecords(HomeserverEndpoints endpoints) {
        requireNonNull(endpoints, "endpoints is null");
        DnsName apex = DnsName.ROOT;
        List<ResourceRecord> out = new ArrayList<>(3);
        if (endpoints.pubkyTlsPort().isPresent()) {
            SvcParam hint = endpoints.publicIp() instanceof Inet4Address v4
                    ? new SvcParam.Ipv4Hint(List.of(v4))
                    : new SvcParam.Ipv6Hint(List.of((Inet6Address) endpoints.publicIp()));
            out.add(new ResourceRecord(apex, TTL, new HttpsRecord(DIRECT_PRIORITY, DnsName.ROOT,
                    List.of(new SvcParam.Port(endpoints.pubkyTlsPort().getAsInt()), hint))));
        }
        endpoints.icannDomain().ifPresent(domain -> {
            List<SvcParam> params = domain.equals("localhost")
                    ? List.of(new SvcParam.Unknown(HTTP_PORT_PARAM, new byte[] {
                            (byte) (endpoints.icannHttpPort() >>> 8), (byte) endpoints.icannHttpPort()}))
                    : List.of();
            out.add(new ResourceRecord(apex, TTL, new HttpsRecord(ICANN_PRIORITY, DnsName.of(domain), params)));
        });
        out.add(new ResourceRecord(apex, TTL, endpoints.publicIp() instanceof Inet4Address v4
                ? new ARecord(v4)
                : new AaaaRecord((Inet6Address) endpoints.publicIp())));
        return out;
    }
}
