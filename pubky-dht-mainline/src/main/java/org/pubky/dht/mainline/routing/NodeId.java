package org.pubky.dht.mainline.routing;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/**
 * A 160-bit Kademlia identifier: a node id, a BEP 44 target or an info hash. Immutable; equality
 * and ordering are by the unsigned bytes.
 *
 * <p>Distances are XOR metrics: {@link #distance(NodeId)} is the XOR itself (compare it as an
 * unsigned number), {@link #bucketIndex(NodeId)} the bit length of the XOR (0 for the same id,
 * 1..160 otherwise), which is how the routing table groups nodes.
 */
public final class NodeId implements Comparable<NodeId> {
    /** Length in bytes. */
    public static final int LENGTH = 20;

    private final byte[] bytes;

    private NodeId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** An id holding a copy of {@code bytes}, which must be 20 bytes long. */
    public static NodeId of(byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a node id is 20 bytes, got " + bytes.length);
        }
        return new NodeId(bytes.clone());
    }

    /** An id copied from {@code bytes[offset, offset + 20)}. */
    public static NodeId of(byte[] bytes, int offset) {
        return new NodeId(Arrays.copyOfRange(bytes, offset, offset + LENGTH));
    }

    /** An id from 40 hexadecimal digits. */
    public static NodeId ofHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    /** A uniformly random id. */
    public static NodeId random(Random random) {
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        return new NodeId(b);
    }

    /** A copy of the 20 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Copies the 20 bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, LENGTH);
    }

    /** The byte at {@code index}. */
    public int byteAt(int index) {
        return bytes[index] & 0xff;
    }

    /** The XOR of the two ids. */
    public NodeId distance(NodeId other) {
        byte[] d = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            d[i] = (byte) (bytes[i] ^ other.bytes[i]);
        }
        return new NodeId(d);
    }

    /** 160 minus the number of leading zero bits of the XOR: 0 for equal ids, 160 for the farthest half. */
    public int bucketIndex(NodeId other) {
        for (int i = 0; i < LENGTH; i++) {
            int x = (bytes[i] ^ other.bytes[i]) & 0xff;
            if (x != 0) {
                return (LENGTH - i) * 8 - (Integer.numberOfLeadingZeros(x) - 24);
            }
        }
        return 0;
    }

    /**
     * Which of {@code a} and {@code b} is closer to this id: negative if {@code a}, positive if
     * {@code b}, zero if they are the same id. Allocation-free.
     */
    public int compareDistance(NodeId a, NodeId b) {
        for (int i = 0; i < LENGTH; i++) {
            int da = (a.bytes[i] ^ bytes[i]) & 0xff;
            int db = (b.bytes[i] ^ bytes[i]) & 0xff;
            if (da != db) {
                return da - db;
            }
        }
        return 0;
    }

    /** True if {@code data[offset, offset + 20)} holds this id. */
    public boolean equalsAt(byte[] data, int offset) {
        return Arrays.equals(bytes, 0, LENGTH, data, offset, offset + LENGTH);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public int compareTo(NodeId other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
