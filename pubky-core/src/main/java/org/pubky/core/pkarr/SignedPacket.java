package org.pubky.core.pkarr;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pubky.core.bep44.Bep44;
import org.pubky.core.bep44.MutableItem;
import org.pubky.core.keys.Keypair;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.pkarr.dns.DnsPacket;
import org.pubky.core.pkarr.dns.ResourceRecord;
import org.pubky.core.time.Timestamp;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * A verified PKARR signed packet.
 *
 * <p>Canonical bytes: {@code public key (32) | signature (64) | timestamp (8, big-endian µs) |
 * DNS message (≤ 1000)}. The relay payload is the same without the key. The signature is Ed25519
 * over the BEP 44 signable {@code 3:seqi<timestamp>e1:v<len>:<dns>}. Every instance has passed
 * all checks — length 104–1104, key on the curve, valid signature, parsable DNS — so holders can
 * trust it; every parse failure is {@link ErrorCode#INVALID_SIGNED_PACKET} (the cause says
 * which check failed).
 *
 * <p>One deliberate difference from the reference: a timestamp at or above 2⁶³ is refused,
 * because BEP 44 carries {@code seq} as a signed 64-bit integer and such a packet could never be
 * stored on the DHT.
 *
 * <p>Immutable and thread-safe; equality is by canonical bytes ({@link #isSameAs}).
 */
public final class SignedPacket {
    /** Largest DNS message a packet can carry (BEP 44's value limit). */
    public static final int MAX_DNS_BYTES = Bep44.MAX_VALUE_BYTES;
    /** Key, signature and timestamp. */
    public static final int HEADER_BYTES = PublicKey.LENGTH + Keypair.SIGNATURE_LENGTH + Timestamp.BYTES;
    /** Largest canonical form. */
    public static final int MAX_BYTES = HEADER_BYTES + MAX_DNS_BYTES;
    /** Smallest TTL a cache should apply, in seconds (reference {@code DEFAULT_MINIMUM_TTL}). */
    public static final long DEFAULT_MINIMUM_TTL = 300;
    /** Largest TTL a cache should apply, in seconds (reference {@code DEFAULT_MAXIMUM_TTL}). */
    public static final long DEFAULT_MAXIMUM_TTL = 86_400;

    private static final int SIGNATURE_OFFSET = PublicKey.LENGTH;
    private static final int TIMESTAMP_OFFSET = SIGNATURE_OFFSET + Keypair.SIGNATURE_LENGTH;

    private final byte[] bytes;
    private final PublicKey publicKey;
    private final Timestamp timestamp;
    private final DnsPacket packet;

    private SignedPacket(byte[] bytes, PublicKey publicKey, Timestamp timestamp, DnsPacket packet) {
        this.bytes = bytes;
        this.publicKey = publicKey;
        this.timestamp = timestamp;
        this.packet = packet;
    }

    /** A builder that normalises names, encodes, and signs. */
    public static SignedPacketBuilder builder() {
        return new SignedPacketBuilder();
    }

    /** Parses and verifies canonical bytes (copied). */
    public static SignedPacket fromBytes(byte[] canonical) {
        requireNonNull(canonical, "canonical is null");
        checkLength(canonical.length);
        PublicKey key;
        try {
            key = PublicKey.fromBytes(Arrays.copyOf(canonical, PublicKey.LENGTH));
        } catch (PubkyException e) {
            throw new PubkyException(ErrorCode.INVALID_SIGNED_PACKET, "signed packet has an invalid public key", e);
        }
        return verify(canonical.clone(), key);
    }

    /** Parses and verifies a relay payload ({@code signature | timestamp | dns}) for {@code publicKey}. */
    public static SignedPacket fromRelayPayload(PublicKey publicKey, byte[] payload) {
        requireNonNull(publicKey, "publicKey is null");
        requireNonNull(payload, "payload is null");
        checkLength(PublicKey.LENGTH + (long) payload.length);
        byte[] canonical = new byte[PublicKey.LENGTH + payload.length];
        publicKey.copyTo(canonical, 0);
        System.arraycopy(payload, 0, canonical, PublicKey.LENGTH, payload.length);
        return verify(canonical, publicKey);
    }

    /** Verifies a BEP 44 item as a PKARR packet ({@code seq} = timestamp, {@code v} = DNS, no salt). */
    public static SignedPacket fromMutableItem(MutableItem item) {
        requireNonNull(item, "item is null");
        if (item.salt() != null) {
            throw new PubkyException(ErrorCode.INVALID_SIGNED_PACKET, "a PKARR item has no salt");
        }
        if (item.seq() < 0) {
            throw new PubkyException(ErrorCode.INVALID_SIGNED_PACKET, "a PKARR item must have a non-negative seq");
        }
        byte[] value = item.value();
        byte[] canonical = new byte[HEADER_BYTES + value.length];
        item.key().copyTo(canonical, 0);
        System.arraycopy(item.signature(), 0, canonical, SIGNATURE_OFFSET, Keypair.SIGNATURE_LENGTH);
        new Timestamp(item.seq()).writeTo(canonical, TIMESTAMP_OFFSET);
        System.arraycopy(value, 0, canonical, HEADER_BYTES, value.length);
        return verify(canonical, item.key());
    }

    /** Packs already encoded and signed parts; used by the builder, which encoded the DNS itself. */
    static SignedPacket assemble(PublicKey key, byte[] signature, Timestamp timestamp, byte[] dns, DnsPacket packet) {
        byte[] canonical = new byte[HEADER_BYTES + dns.length];
        key.copyTo(canonical, 0);
        System.arraycopy(signature, 0, canonical, SIGNATURE_OFFSET, Keypair.SIGNATURE_LENGTH);
        timestamp.writeTo(canonical, TIMESTAMP_OFFSET);
        System.arraycopy(dns, 0, canonical, HEADER_BYTES, dns.length);
        return new SignedPacket(canonical, key, timestamp, packet);
    }

    private static void checkLength(long length) {
        if (length < HEADER_BYTES || length > MAX_BYTES) {
            throw new PubkyException(ErrorCode.INVALID_SIGNED_PACKET,
                    "signed packet must be " + HEADER_BYTES + " to " + MAX_BYTES + " bytes, got " + length);
        }
    }

    /** Verifies signature and DNS of {@code canonical}, which this method takes ownership of. */
    private static SignedPacket verify(byte[] canonical, PublicKey key) {
        long micros = readLong(canonical, TIMESTAMP_OFFSET);
        if (micros < 0) {
            throw new PubkyException(ErrorCode.INVALID_SIGNED_PACKET, "signed packet timestamp is above 2^63-1");
        }
        int dnsLength = canonical.length - HEADER_BYTES;
        byte[] signable = signable(micros, canonical, HEADER_BYTES, dnsLength);
        byte[] signature = Arrays.copyOfRange(canonical, SIGNATURE_OFFSET, TIMESTAMP_OFFSET);
        if (!key.verify(signable, signature)) {
            throw new PubkyException(ErrorCode.INVALID_SIGNED_PACKET, "signed packet signature does not verify");
        }
        DnsPacket packet;
        try {
            packet = DnsPacket.decode(canonical, HEADER_BYTES, dnsLength);
        } catch (PubkyException e) {
            throw new PubkyException(ErrorCode.INVALID_SIGNED_PACKET, "signed packet carries an invalid DNS packet", e);
        }
        return new SignedPacket(canonical, key, new Timestamp(micros), packet);
    }

    /** The BEP 44 signable of a packet: {@code 3:seqi<micros>e1:v<len>:<dns>}. */
    static byte[] signable(long micros, byte[] dns, int offset, int length) {
        return Bep44.signable(null, micros, dns, offset, length);
    }

    private static long readLong(byte[] b, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[offset + i] & 0xff);
        }
        return v;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The author's timestamp, also the BEP 44 {@code seq}; orders packets, not cache freshness. */
    public Timestamp timestamp() {
        return timestamp;
    }

    /** A copy of the 64-byte signature. */
    public byte[] signature() {
        return Arrays.copyOfRange(bytes, SIGNATURE_OFFSET, TIMESTAMP_OFFSET);
    }

    /** The decoded DNS message. */
    public DnsPacket packet() {
        return packet;
    }

    /** A copy of the encoded DNS message, exactly as signed. */
    public byte[] dnsBytes() {
        return Arrays.copyOfRange(bytes, HEADER_BYTES, bytes.length);
    }

    /** Length of the encoded DNS message. */
    public int dnsLength() {
        return bytes.length - HEADER_BYTES;
    }

    /** A copy of the canonical bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** A copy of the relay payload: the canonical bytes without the key. */
    public byte[] relayPayload() {
        return Arrays.copyOfRange(bytes, PublicKey.LENGTH, bytes.length);
    }

    /** The bytes the signature covers. */
    public byte[] signable() {
        return signable(timestamp.micros(), bytes, HEADER_BYTES, dnsLength());
    }

    /** The DHT target: SHA-1 of the public key. */
    public byte[] target() {
        return Bep44.target(publicKey);
    }

    /** The BEP 44 form: {@code k} = key, {@code seq} = timestamp, {@code v} = DNS, {@code sig}. */
    public MutableItem toMutableItem() {
        return new MutableItem(publicKey, timestamp.micros(), dnsBytes(), signature(), null);
    }

    /** Every record of the answer section, in packet order. */
    public List<ResourceRecord> allResourceRecords() {
        return packet.answers();
    }

    /**
     * The answer records that match {@code name} after {@link PkarrNames#normalize
     * normalisation} ({@code @} or {@code .} for the apex, {@code _pubky} for
     * {@code _pubky.<key>}); {@code *.foo} matches records exactly one label below {@code foo}.
     */
    public List<ResourceRecord> resourceRecords(String name) {
        String query = PkarrNames.normalize(publicKey.z32(), name);
        List<ResourceRecord> out = new ArrayList<>();
        for (ResourceRecord rr : packet.answers()) {
            if (PkarrNames.matches(query, rr.name().toString())) {
                out.add(rr);
            }
        }
        return out;
    }

    /** The smallest answer TTL clamped to [{@code min}, {@code max}]; {@code min} when there is none. */
    public long ttl(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " is above max " + max);
        }
        long smallest = Long.MAX_VALUE;
        for (ResourceRecord rr : packet.answers()) {
            smallest = Math.min(smallest, rr.ttl());
        }
        return smallest == Long.MAX_VALUE ? min : Math.max(min, Math.min(max, smallest));
    }

    /**
     * True if this packet supersedes {@code other} (same key assumed): later timestamp, or equal
     * timestamps and DNS bytes that are greater in unsigned byte order. Identical packets
     * supersede neither way.
     */
    public boolean moreRecentThan(SignedPacket other) {
        if (timestamp.micros() != other.timestamp.micros()) {
            return timestamp.micros() > other.timestamp.micros();
        }
        return Arrays.compareUnsigned(bytes, HEADER_BYTES, bytes.length,
                other.bytes, HEADER_BYTES, other.bytes.length) > 0;
    }

    /** True if both have the same canonical bytes. */
    public boolean isSameAs(SignedPacket other) {
        return Arrays.equals(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedPacket other && isSameAs(other);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SignedPacket[key=" + publicKey + ", timestamp=" + timestamp.micros() + ", records="
                + packet.answers().size() + ", bytes=" + bytes.length + "]";
    }
}
