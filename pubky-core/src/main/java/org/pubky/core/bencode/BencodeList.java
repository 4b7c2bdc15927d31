package org.pubky.core.bencode;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * A bencoded list. Immutable; equality is element-wise.
 *
 * <p>The typed accessors throw {@link ErrorCode#INVALID_BENCODE} when the element has another
 * kind, so a decoder of a message layout can read fields without casting.
 */
public final class BencodeList implements BencodeValue {
    private static final BencodeValue[] NONE = new BencodeValue[0];

    private final BencodeValue[] items;

    private BencodeList(BencodeValue[] items) {
        this.items = items;
    }

    /** A list of {@code items} (copied). */
    public static BencodeList of(List<? extends BencodeValue> items) {
        requireNonNull(items, "items is null");
        BencodeValue[] copy = items.toArray(NONE);
        for (BencodeValue v : copy) {
            requireNonNull(v, "list element is null");
        }
        return new BencodeList(copy);
    }

    /** A list of {@code items} (copied). */
    public static BencodeList of(BencodeValue... items) {
        return of(Arrays.asList(items));
    }

    /** Takes ownership of {@code items}; used by the decoder. */
    static BencodeList owning(BencodeValue[] items) {
        return new BencodeList(items);
    }

    public int size() {
        return items.length;
    }

    public BencodeValue get(int index) {
        return items[index];
    }

    /** An unmodifiable view of the elements. */
    public List<BencodeValue> items() {
        return Collections.unmodifiableList(Arrays.asList(items));
    }

    /** The element at {@code index} as a string, or INVALID_BENCODE. */
    public BencodeString getString(int index) {
        return BencodeDict.as(element(index), BencodeString.class, "list element " + index);
    }

    /** The element at {@code index} as an integer value, or INVALID_BENCODE. */
    public long getLong(int index) {
        return BencodeDict.as(element(index), BencodeInteger.class, "list element " + index).value();
    }

    private BencodeValue element(int index) {
        if (index < 0 || index >= items.length) {
            throw new PubkyException(ErrorCode.INVALID_BENCODE,
                    "list has " + items.length + " elements, element " + index + " is missing");
        }
        return items[index];
    }

    @Override
    public String kind() {
        return "list";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BencodeList other && Arrays.equals(items, other.items);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items);
    }

    @Override
    public String toString() {
        return Arrays.toString(items);
    }
}
