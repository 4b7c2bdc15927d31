package org.pubky.core.bencode;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * A bencoded dictionary: byte-string keys, unique, kept in unsigned byte order (the only order
 * bencode allows on the wire). Immutable; equality is by entries.
 *
 * <p>Lookups by {@code String} key compare the key's chars as single bytes, so pass ASCII keys
 * (every key of BEP 5 and BEP 44 is ASCII). Lookups are a binary search without allocation.
 *
 * <p>Typed accessors: {@code getXxx(key)} requires the key and the kind;
 * {@code findXxx(key)} returns {@code null} (or an empty optional) when the key is absent but
 * still requires the kind when it is present. Both throw {@link ErrorCode#INVALID_BENCODE} with a
 * message naming the key.
 */
public final class BencodeDict implements BencodeValue {
    private static final BencodeDict EMPTY = new BencodeDict(new BencodeString[0], new BencodeValue[0]);

    private final BencodeString[] keys;
    private final BencodeValue[] values;

    private BencodeDict(BencodeString[] keys, BencodeValue[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** Takes ownership of arrays whose keys are already strictly increasing; used by the decoder. */
    static BencodeDict owning(BencodeString[] keys, BencodeValue[] values) {
        return keys.length == 0 ? EMPTY : new BencodeDict(keys, values);
    }

    /** The empty dictionary. */
    public static BencodeDict empty() {
        return EMPTY;
    }

    /** A builder; keys may be added in any order and are sorted by {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return keys.length;
    }

    /** The keys in wire order (unmodifiable). */
    public List<BencodeString> keys() {
        return Collections.unmodifiableList(Arrays.asList(keys));
    }

    /** The key at position {@code index} in wire order. */
    public BencodeString keyAt(int index) {
        return keys[index];
    }

    /** The value at position {@code index} in wire order. */
    public BencodeValue valueAt(int index) {
        return values[index];
    }

    /** True if {@code key} is present. */
    public boolean containsKey(String key) {
        return indexOf(key) >= 0;
    }

    /** The value under {@code key}, or {@code null}. */
    public BencodeValue get(String key) {
        int i = indexOf(key);
        return i >= 0 ? values[i] : null;
    }

    /** The value under {@code key}, or {@code null}. */
    public BencodeValue get(BencodeString key) {
        int i = Arrays.binarySearch(keys, key);
        return i >= 0 ? values[i] : null;
    }

    /** The byte string under {@code key}; INVALID_BENCODE if absent or of another kind. */
    public BencodeString getString(String key) {
        return as(required(key), BencodeString.class, key);
    }

    /** The byte string under {@code key}, or {@code null} if absent; INVALID_BENCODE if of another kind. */
    public BencodeString findString(String key) {
        BencodeValue v = get(key);
        return v == null ? null : as(v, BencodeString.class, key);
    }

    /** A copy of the bytes under {@code key}; INVALID_BENCODE if absent or of another kind. */
    public byte[] getBytes(String key) {
        return getString(key).bytes();
    }

    /** The integer under {@code key}; INVALID_BENCODE if absent or of another kind. */
    public long getLong(String key) {
        return as(required(key), BencodeInteger.class, key).value();
    }

    /** The integer under {@code key}, empty if absent; INVALID_BENCODE if of another kind. */
    public OptionalLong findLong(String key) {
        BencodeValue v = get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(as(v, BencodeInteger.class, key).value());
    }

    /** The dictionary under {@code key}; INVALID_BENCODE if absent or of another kind. */
    public BencodeDict getDict(String key) {
        return as(required(key), BencodeDict.class, key);
    }

    /** The dictionary under {@code key}, or {@code null} if absent; INVALID_BENCODE if of another kind. */
    public BencodeDict findDict(String key) {
        BencodeValue v = get(key);
        return v == null ? null : as(v, BencodeDict.class, key);
    }

    /** The list under {@code key}; INVALID_BENCODE if absent or of another kind. */
    public BencodeList getList(String key) {
        return as(required(key), BencodeList.class, key);
    }

    /** The list under {@code key}, or {@code null} if absent; INVALID_BENCODE if of another kind. */
    public BencodeList findList(String key) {
        BencodeValue v = get(key);
        return v == null ? null : as(v, BencodeList.class, key);
    }

    private BencodeValue required(String key) {
        BencodeValue v = get(key);
        if (v == null) {
            throw new PubkyException(ErrorCode.INVALID_BENCODE, "missing key '" + key + "'");
        }
        return v;
    }

    private int indexOf(String key) {
        int lo = 0;
        int hi = keys.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = keys[mid].compareToAscii(key);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    static <T extends BencodeValue> T as(BencodeValue value, Class<T> type, String what) {
        if (!type.isInstance(value)) {
            String expected = type == BencodeString.class ? "string"
                    : type == BencodeInteger.class ? "integer"
                    : type == BencodeList.class ? "list" : "dict";
            throw new PubkyException(ErrorCode.INVALID_BENCODE,
                    "'" + what + "' must be " + article(expected) + ", got " + article(value.kind()));
        }
        return type.cast(value);
    }

    private static String article(String kind) {
        return (kind.startsWith("i") ? "an " : "a ") + kind;
    }

    @Override
    public String kind() {
        return "dict";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BencodeDict other && Arrays.equals(keys, other.keys) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(keys[i]).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }

    /** Collects entries in any order; {@link #build()} sorts them. Not thread-safe. */
    public static final class Builder {
        private final TreeMap<BencodeString, BencodeValue> entries = new TreeMap<>();

        private Builder() {
        }

        /** Adds an entry; a key may be added only once. */
        public Builder put(BencodeString key, BencodeValue value) {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
            if (entries.putIfAbsent(key, value) != null) {
                throw new PubkyException(ErrorCode.INVALID_BENCODE, "duplicate dictionary key " + key);
            }
            return this;
        }

        public Builder put(String key, BencodeValue value) {
            return put(BencodeString.of(key), value);
        }

        /** Adds a byte-string entry (the bytes are copied). */
        public Builder put(String key, byte[] value) {
            return put(BencodeString.of(key), BencodeString.of(value));
        }

        /** Adds a UTF-8 text entry. */
        public Builder put(String key, String value) {
            return put(BencodeString.of(key), BencodeString.of(value));
        }

        public Builder put(String key, long value) {
            return put(BencodeString.of(key), new BencodeInteger(value));
        }

        public BencodeDict build() {
            if (entries.isEmpty()) {
                return EMPTY;
            }
            List<BencodeString> k = new ArrayList<>(entries.keySet());
            return new BencodeDict(k.toArray(new BencodeString[0]), entries.values().toArray(new BencodeValue[0]));
        }
    }
}
