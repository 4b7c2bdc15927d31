package org.pubky.core.pkarr;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pubky.core.pkarr.dns.ResourceRecord;
import org.pubky.core.time.Timestamp;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * A signed packet with the local time it was last seen (created, received, or confirmed by a
 * relay): what caches keep and what drives expiry. The author's timestamp orders packets; only
 * {@code lastSeen} says how fresh a copy is.
 *
 * <p>Storage form (reference {@code SignedPacket::serialize}, not a wire format): 8 bytes
 * big-endian {@code lastSeen} µs followed by the canonical bytes. Times are passed in so the
 * class has no clock of its own. Immutable and thread-safe.
 *
 * @param packet the verified packet
 * @param lastSeen when this copy was last seen
 */
public record SeenPacket(SignedPacket packet, Timestamp lastSeen) {
    /** A stored {@code lastSeen} further than this in the future is reset to 0 on load. */
    public static final long FUTURE_TOLERANCE_MICROS = 60_000_000L;

    public SeenPacket {
        requireNonNull(packet, "packet is null");
        requireNonNull(lastSeen, "lastSeen is null");
    }

    /** The storage form. */
    public byte[] toStorageBytes() {
        byte[] canonical = packet.toBytes();
        byte[] out = new byte[Timestamp.BYTES + canonical.length];
        lastSeen.writeTo(out, 0);
        System.arraycopy(canonical, 0, out, Timestamp.BYTES, canonical.length);
        return out;
    }

    /**
     * Loads the storage form and verifies the packet again. A {@code lastSeen} more than 60 s
     * after {@code now} (or not representable) becomes 0, as in the reference, so a bad clock
     * cannot pin a copy as fresh.
     */
    public static SeenPacket fromStorageBytes(byte[] stored, Timestamp now) {
        requireNonNull(stored, "stored is null");
        requireNonNull(now, "now is null");
        if (stored.length < Timestamp.BYTES) {
            throw new PubkyException(ErrorCode.INVALID_SIGNED_PACKET, "stored packet is shorter than its last-seen time");
        }
        long micros = 0;
        for (int i = 0; i < Timestamp.BYTES; i++) {
            micros = (micros << 8) | (stored[i] & 0xff);
        }
        if (micros < 0 || micros - now.micros() > FUTURE_TOLERANCE_MICROS) {
            micros = 0;
        }
        SignedPacket packet = SignedPacket.fromBytes(Arrays.copyOfRange(stored, Timestamp.BYTES, stored.length));
        return new SeenPacket(packet, new Timestamp(micros));
    }

    /** The same packet seen at {@code when}. */
    public SeenPacket seenAt(Timestamp when) {
        return new SeenPacket(packet, when);
    }

    /** Whole seconds since {@code lastSeen}; 0 if {@code lastSeen} is after {@code now}. */
    public long elapsedSeconds(Timestamp now) {
        return Math.max(0, now.micros() - lastSeen.micros()) / 1_000_000L;
    }

    /** Seconds until this copy expires: {@code ttl(min, max)} minus the elapsed time, at least 0. */
    public long expiresIn(long min, long max, Timestamp now) {
        return Math.max(0, packet.ttl(min, max) - elapsedSeconds(now));
    }

    /** True once {@link #expiresIn} reaches 0. */
    public boolean isExpired(long min, long max, Timestamp now) {
        return expiresIn(min, max, now) == 0;
    }

    /** The matching records whose own TTL is still longer than the elapsed time. */
    public List<ResourceRecord> freshResourceRecords(String name, Timestamp now) {
        long elapsed = elapsedSeconds(now);
        List<ResourceRecord> out = new ArrayList<>();
        for (ResourceRecord rr : packet.resourceRecords(name)) {
            if (rr.ttl() > elapsed) {
                out.add(rr);
            }
        }
        return out;
    }

    /**
     * The cache update rule of client and relay: this copy should replace {@code cached} if
     * there is none, if its packet is more recent, or if it is the same packet seen later (then
     * only {@code lastSeen} moves).
     */
    public boolean shouldReplace(SeenPacket cached) {
        if (cached == null || packet.moreRecentThan(cached.packet)) {
            return true;
        }
        return packet.isSameAs(cached.packet) && lastSeen.compareTo(cached.lastSeen) > 0;
    }
}
