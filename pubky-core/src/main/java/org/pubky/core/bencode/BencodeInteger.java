package org.pubky.core.bencode;

/**
 * A bencoded integer ({@code i<decimal>e}); the protocol never needs more than 64 signed bits.
 *
 * @param value the integer
 */
public record BencodeInteger(long value) implements BencodeValue {
    @Override
    public String kind() {
        return "integer";
    }
}
