package org.pubky.core.pkarr.dns;

import static java.util.Objects.requireNonNull;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * One SvcParam of an SVCB or HTTPS record (RFC 9460 §7): the seven registered keys are typed,
 * any other key (such as Pubky's private {@code 65280}, the HTTP port) is kept as raw bytes by
 * {@link Unknown}. All implementations are immutable values with structural equality.
 */
public sealed interface SvcParam {
    int MANDATORY = 0;
    int ALPN = 1;
    int NO_DEFAULT_ALPN = 2;
    int PORT = 3;
    int IPV4HINT = 4;
    int ECH = 5;
    int IPV6HINT = 6;

    /** The SvcParamKey. */
    int key();

    /**
     * {@code mandatory} (key 0): keys a client must understand. Kept in the given order.
     *
     * @param keys the mandatory keys, each 0–65535
     */
    record Mandatory(List<Integer> keys) implements SvcParam {
        public Mandatory {
            keys = List.copyOf(keys);
            for (int k : keys) {
                checkKey(k);
            }
        }

        @Override
        public int key() {
            return MANDATORY;
        }
    }

    /**
     * {@code alpn} (key 1): ALPN protocol ids, each 0–255 bytes. Arrays are copied in and out.
     *
     * @param ids the protocol ids, in wire order
     */
    record Alpn(List<byte[]> ids) implements SvcParam {
        public Alpn {
            ids = copyStrings(ids);
        }

        /** The param for ASCII ids such as {@code "h2"}, {@code "http/1.1"}. */
        public static Alpn of(String... ids) {
            List<byte[]> list = new ArrayList<>();
            for (String id : ids) {
                list.add(id.getBytes(StandardCharsets.UTF_8));
            }
            return new Alpn(list);
        }

        @Override
        public List<byte[]> ids() {
            return copyStrings(ids);
        }

        List<byte[]> rawIds() {
            return ids;
        }

        @Override
        public int key() {
            return ALPN;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Alpn other && Arrays.deepEquals(ids.toArray(), other.ids.toArray());
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(ids.toArray());
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("Alpn[");
            for (int i = 0; i < ids.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(new String(ids.get(i), StandardCharsets.UTF_8));
            }
            return sb.append(']').toString();
        }
    }

    /** {@code no-default-alpn} (key 2), which has no value. */
    record NoDefaultAlpn() implements SvcParam {
        @Override
        public int key() {
            return NO_DEFAULT_ALPN;
        }
    }

    /**
     * {@code port} (key 3).
     *
     * @param port 0–65535
     */
    record Port(int port) implements SvcParam {
        public Port {
            if (port < 0 || port > 0xffff) {
                throw invalid("port must be 0 to 65535, got " + port);
            }
        }

        @Override
        public int key() {
            return PORT;
        }
    }

    /**
     * {@code ipv4hint} (key 4).
     *
     * @param addresses the hints, in wire order
     */
    record Ipv4Hint(List<Inet4Address> addresses) implements SvcParam {
        public Ipv4Hint {
            addresses = List.copyOf(addresses);
        }

        @Override
        public int key() {
            return IPV4HINT;
        }
    }

    /**
     * {@code ech} (key 5): an ECHConfigList in wire form, which starts with its own 2-byte
     * length; the value must be consistent with it (as {@code simple-dns} checks).
     *
     * @param configList the whole value, length prefix included
     */
    record Ech(byte[] configList) implements SvcParam {
        public Ech {
            requireNonNull(configList, "configList is null");
            if (configList.length < 2
                    || ((configList[0] & 0xff) << 8 | (configList[1] & 0xff)) != configList.length - 2) {
                throw invalid("ech value must be a 2-byte length followed by that many bytes");
            }
            configList = configList.clone();
        }

        @Override
        public byte[] configList() {
            return configList.clone();
        }

        byte[] raw() {
            return configList;
        }

        @Override
        public int key() {
            return ECH;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ech other && Arrays.equals(configList, other.configList);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(configList);
        }

        @Override
        public String toString() {
            return "Ech[" + HexFormat.of().formatHex(configList) + "]";
        }
    }

    /**
     * {@code ipv6hint} (key 6).
     *
     * @param addresses the hints, in wire order
     */
    record Ipv6Hint(List<Inet6Address> addresses) implements SvcParam {
        public Ipv6Hint {
            addresses = List.copyOf(addresses);
        }

        @Override
        public int key() {
            return IPV6HINT;
        }
    }

    /**
     * Any key without a typed class (7–65535), value as raw bytes. The array is copied in and out.
     *
     * @param key the SvcParamKey, 7–65535
     * @param value the value, at most 65535 bytes
     */
    record Unknown(int key, byte[] value) implements SvcParam {
        public Unknown {
            requireNonNull(value, "value is null");
            checkKey(key);
            if (key <= IPV6HINT) {
                throw invalid("SvcParamKey " + key + " has a typed class; use it instead of raw bytes");
            }
            if (value.length > 0xffff) {
                throw invalid("SvcParam value is longer than 65535 bytes");
            }
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        byte[] raw() {
            return value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown other && key == other.key && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return 31 * key + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Unknown[key=" + key + ", value=" + HexFormat.of().formatHex(value) + "]";
        }
    }

    private static void checkKey(int key) {
        if (key < 0 || key > 0xffff) {
            throw invalid("SvcParamKey must be 0 to 65535, got " + key);
        }
    }

    private static List<byte[]> copyStrings(List<byte[]> strings) {
        requireNonNull(strings, "list is null");
        List<byte[]> copy = new ArrayList<>(strings.size());
        for (byte[] s : strings) {
            requireNonNull(s, "element is null");
            if (s.length > 255) {
                throw invalid("an ALPN id has at most 255 bytes, got " + s.length);
            }
            copy.add(s.clone());
        }
        return List.copyOf(copy);
    }

    private static PubkyException invalid(String message) {
        return new PubkyException(ErrorCode.INVALID_DNS_PACKET, message);
    }
}
