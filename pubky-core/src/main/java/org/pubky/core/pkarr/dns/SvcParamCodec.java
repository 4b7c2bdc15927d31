package org.pubky.core.pkarr.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes one SvcParam value with {@code simple-dns}' rules: {@code mandatory}, {@code ipv4hint}
 * and {@code ipv6hint} must be whole multiples of 2, 4 and 16 bytes; {@code alpn} must be whole
 * character strings; {@code port} reads its first two bytes and {@code no-default-alpn} ignores
 * its value (both as simple-dns does); {@code ech} must carry a consistent inner length.
 */
final class SvcParamCodec {
    private SvcParamCodec() {
    }

    static SvcParam decode(int key, byte[] data, int start, int end) {
        int length = end - start;
        switch (key) {
            case SvcParam.MANDATORY: {
                if (length % 2 != 0) {
                    throw DnsDecoder.fail("mandatory SvcParam has an odd length");
                }
                List<Integer> keys = new ArrayList<>(length / 2);
                for (int p = start; p < end; p += 2) {
                    keys.add((data[p] & 0xff) << 8 | (data[p + 1] & 0xff));
                }
                return new SvcParam.Mandatory(keys);
            }
            case SvcParam.ALPN: {
                List<byte[]> ids = new ArrayList<>();
                int p = start;
                while (p < end) {
                    int n = data[p] & 0xff;
                    if (n > end - p - 1) {
                        throw DnsDecoder.fail("alpn SvcParam is truncated");
                    }
                    ids.add(Arrays.copyOfRange(data, p + 1, p + 1 + n));
                    p += 1 + n;
                }
                return new SvcParam.Alpn(ids);
            }
            case SvcParam.NO_DEFAULT_ALPN:
                return new SvcParam.NoDefaultAlpn();
            case SvcParam.PORT:
                if (length < 2) {
                    throw DnsDecoder.fail("port SvcParam is truncated");
                }
                return new SvcParam.Port((data[start] & 0xff) << 8 | (data[start + 1] & 0xff));
            case SvcParam.IPV4HINT: {
                if (length % 4 != 0) {
                    throw DnsDecoder.fail("ipv4hint SvcParam is not a whole number of addresses");
                }
                List<Inet4Address> addresses = new ArrayList<>(length / 4);
                for (int p = start; p < end; p += 4) {
                    addresses.add(DnsDecoder.inet4(data, p));
                }
                return new SvcParam.Ipv4Hint(addresses);
            }
            case SvcParam.ECH:
                if (length < 2 || ((data[start] & 0xff) << 8 | (data[start + 1] & 0xff)) != length - 2) {
                    throw DnsDecoder.fail("ech SvcParam length does not match its inner length");
                }
                return new SvcParam.Ech(Arrays.copyOfRange(data, start, end));
            case SvcParam.IPV6HINT: {
                if (length % 16 != 0) {
                    throw DnsDecoder.fail("ipv6hint SvcParam is not a whole number of addresses");
                }
                List<Inet6Address> addresses = new ArrayList<>(length / 16);
                for (int p = start; p < end; p += 16) {
                    addresses.add(DnsDecoder.inet6(data, p));
                }
                return new SvcParam.Ipv6Hint(addresses);
            }
            default:
                return new SvcParam.Unknown(key, Arrays.copyOfRange(data, start, end));
        }
    }
}
