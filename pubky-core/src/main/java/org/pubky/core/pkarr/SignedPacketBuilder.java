package org.pubky.core.pkarr;

import static java.util.Objects.requireNonNull;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.pubky.core.keys.Keypair;
import org.pubky.core.pkarr.dns.ARecord;
import org.pubky.core.pkarr.dns.AaaaRecord;
import org.pubky.core.pkarr.dns.CnameRecord;
import org.pubky.core.pkarr.dns.DnsName;
import org.pubky.core.pkarr.dns.DnsPacket;
import org.pubky.core.pkarr.dns.HttpsRecord;
import org.pubky.core.pkarr.dns.NsRecord;
import org.pubky.core.pkarr.dns.RData;
import org.pubky.core.pkarr.dns.ResourceRecord;
import org.pubky.core.pkarr.dns.SvcbRecord;
import org.pubky.core.pkarr.dns.TxtRecord;
import org.pubky.core.time.Timestamp;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Collects records and signs them into a {@link SignedPacket}, as the reference's
 * {@code SignedPacket::builder()} does.
 *
 * <p>Names are given relative to the signer and normalised by {@link PkarrNames#normalize} at
 * signing time: {@code "."} or {@code "@"} is the apex, {@code "_pubky"} becomes
 * {@code _pubky.<key>}, a name already ending in the key is kept. Records keep their order and go
 * into the answer section of a reply with id 0 and flags {@code 0x8000}. The encoded DNS message
 * may be at most {@value SignedPacket#MAX_DNS_BYTES} bytes: larger is
 * {@link ErrorCode#PAYLOAD_TOO_LARGE} (the reference's {@code PacketTooLarge}).
 *
 * <p>Not thread-safe; a builder can sign several times (e.g. with different timestamps).
 */
public final class SignedPacketBuilder {
    private final List<ResourceRecord> records = new ArrayList<>();

    SignedPacketBuilder() {
    }

    /** Adds a record; its name is normalised at signing time, its class and TTL are kept. */
    public SignedPacketBuilder record(ResourceRecord record) {
        records.add(requireNonNull(record, "record is null"));
        return this;
    }

    /** Adds every record of {@code list}. */
    public SignedPacketBuilder records(List<ResourceRecord> list) {
        list.forEach(this::record);
        return this;
    }

    /** Adds a record of class IN named {@code name} (relative, see class doc). */
    public SignedPacketBuilder rdata(String name, RData data, long ttl) {
        return record(new ResourceRecord(DnsName.of(name), ttl, data));
    }

    public SignedPacketBuilder a(String name, Inet4Address address, long ttl) {
        return rdata(name, new ARecord(address), ttl);
    }

    public SignedPacketBuilder aaaa(String name, Inet6Address address, long ttl) {
        return rdata(name, new AaaaRecord(address), ttl);
    }

    /** An A or AAAA record, by address family. */
    public SignedPacketBuilder address(String name, InetAddress address, long ttl) {
        if (address instanceof Inet4Address v4) {
            return a(name, v4, ttl);
        }
        return aaaa(name, (Inet6Address) address, ttl);
    }

    public SignedPacketBuilder cname(String name, String target, long ttl) {
        return rdata(name, new CnameRecord(DnsName.of(target)), ttl);
    }

    public SignedPacketBuilder ns(String name, String host, long ttl) {
        return rdata(name, new NsRecord(DnsName.of(host)), ttl);
    }

    /** A TXT record of {@code text} (split into 254-byte strings like the reference). */
    public SignedPacketBuilder txt(String name, String text, long ttl) {
        return rdata(name, TxtRecord.of(text), ttl);
    }

    public SignedPacketBuilder https(String name, HttpsRecord https, long ttl) {
        return rdata(name, https, ttl);
    }

    public SignedPacketBuilder svcb(String name, SvcbRecord svcb, long ttl) {
        return rdata(name, svcb, ttl);
    }

    /**
     * Normalises the names, encodes with compression and signs at {@code timestamp}.
     *
     * @throws PubkyException {@link ErrorCode#PAYLOAD_TOO_LARGE} if the DNS message exceeds 1000
     *     bytes; {@link ErrorCode#INVALID_DNS_PACKET} if a normalised name is invalid (too long)
     */
    public SignedPacket sign(Keypair keypair, Timestamp timestamp) {
        requireNonNull(keypair, "keypair is null");
        requireNonNull(timestamp, "timestamp is null");
        String origin = keypair.publicKey().z32();
        List<ResourceRecord> answers = new ArrayList<>(records.size());
        for (ResourceRecord rr : records) {
            answers.add(rr.withName(DnsName.of(PkarrNames.normalize(origin, rr.name().toString()))));
        }
        byte[] dns = DnsPacket.reply(answers).encode();
        if (dns.length > SignedPacket.MAX_DNS_BYTES) {
            throw new PubkyException(ErrorCode.PAYLOAD_TOO_LARGE, "DNS packet is " + dns.length
                    + " bytes, more than the " + SignedPacket.MAX_DNS_BYTES + " a signed packet can carry");
        }
        // Decode what was encoded, so the packet always reflects the signed bytes (opaque data
        // from a caller may not survive a round trip).
        DnsPacket packet = DnsPacket.decode(dns);
        byte[] signature = keypair.sign(SignedPacket.signable(timestamp.micros(), dns, 0, dns.length));
        return SignedPacket.assemble(keypair.publicKey(), signature, timestamp, dns, packet);
    }
}
