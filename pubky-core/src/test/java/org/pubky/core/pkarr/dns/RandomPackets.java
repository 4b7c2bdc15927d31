package org.pubky.core.pkarr.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of valid DNS content for property tests. Names are drawn from a small pool of
 * suffixes so that compression gets exercised; labels are lowercase so that case-insensitive
 * encoders (dnsjava) compress exactly as the case-sensitive reference does.
 */
public final class RandomPackets {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String[] SUFFIXES = {
        "8pinxxgqs41n4aididenw5apqp1urfmzdztr8jt4abrkdn435ewo",
        "example.com",
        "foo.example.com",
        "_pubky.wnpkm7d4c7caym93kzhpamjkn11hu8jdz4m9o3y1x9huopniwuay",
        "",
    };

    private final Random random;
    private final boolean dnsjavaCompatible;

    /**
     * @param dnsjavaCompatible restrict to what dnsjava 3.7 can also write: TTLs below 2^31, no
     *     opaque records, no {@code mandatory} param (dnsjava checks it against the present keys)
     */
    public RandomPackets(long seed, boolean dnsjavaCompatible) {
        this.random = new Random(seed);
        this.dnsjavaCompatible = dnsjavaCompatible;
    }

    public Random random() {
        return random;
    }

    public DnsPacket packet() {
        int n = random.nextInt(8);
        List<ResourceRecord> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            answers.add(record());
        }
        return DnsPacket.reply(answers);
    }

    public ResourceRecord record() {
        long ttl = dnsjavaCompatible ? random.nextInt(Integer.MAX_VALUE) : random.nextLong() & 0xffff_ffffL;
        return new ResourceRecord(name(), ttl, rdata());
    }

    public DnsName name() {
        String suffix = SUFFIXES[random.nextInt(SUFFIXES.length)];
        int extra = random.nextInt(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < extra; i++) {
            sb.append(label()).append('.');
        }
        sb.append(suffix);
        String s = sb.toString();
        return DnsName.of(s.endsWith(".") ? s.substring(0, s.length() - 1) : s);
    }

    private String label() {
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 63 : 8);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    public RData rdata() {
        int kind = random.nextInt(dnsjavaCompatible ? 7 : 8);
        switch (kind) {
            case 0:
                return ARecord.of(bytes(4));
            case 1:
                return AaaaRecord.of(bytes(16));
            case 2:
                return new CnameRecord(name());
            case 3:
                return new NsRecord(name());
            case 4: {
                List<byte[]> strings = new ArrayList<>();
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    strings.add(bytes(random.nextInt(random.nextInt(10) == 0 ? 256 : 20)));
                }
                return new TxtRecord(strings);
            }
            case 5:
                return new SvcbRecord(random.nextInt(65536), name(), params());
            case 6:
                return new HttpsRecord(random.nextInt(3), random.nextBoolean() ? DnsName.ROOT : name(), params());
            default: {
                int[] types = {15, 33, 99, 257, 65280, 6, 12, 35};
                int type = types[random.nextInt(types.length)];
                return new OpaqueRecord(type, opaqueData(type));
            }
        }
    }

    private byte[] opaqueData(int type) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        switch (type) {
            case 15:
                out.writeBytes(bytes(2));
                out.writeBytes(name().toWire());
                break;
            case 33:
                out.writeBytes(bytes(6));
                out.writeBytes(name().toWire());
                break;
            case 6:
                out.writeBytes(name().toWire());
                out.writeBytes(name().toWire());
                out.writeBytes(bytes(20));
                break;
            case 12:
                out.writeBytes(name().toWire());
                break;
            case 35:
                out.writeBytes(bytes(4));
                for (int i = 0; i < 3; i++) {
                    byte[] s = bytes(random.nextInt(5));
                    out.write(s.length);
                    out.writeBytes(s);
                }
                out.writeBytes(name().toWire());
                break;
            default:
                out.writeBytes(bytes(1 + random.nextInt(40)));
        }
        return out.toByteArray();
    }

    public List<SvcParam> params() {
        List<SvcParam> params = new ArrayList<>();
        if (!dnsjavaCompatible && random.nextInt(4) == 0) {
            params.add(new SvcParam.Mandatory(List.of(1 + random.nextInt(6), 65280)));
        }
        if (random.nextBoolean()) {
            List<byte[]> ids = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                ids.add(bytes(1 + random.nextInt(10)));
            }
            params.add(new SvcParam.Alpn(ids));
        }
        if (random.nextInt(4) == 0) {
            params.add(new SvcParam.NoDefaultAlpn());
        }
        if (random.nextBoolean()) {
            params.add(new SvcParam.Port(random.nextInt(65536)));
        }
        if (random.nextBoolean()) {
            List<Inet4Address> v4 = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                v4.add(ARecord.of(bytes(4)).address());
            }
            params.add(new SvcParam.Ipv4Hint(v4));
        }
        if (random.nextInt(4) == 0) {
            byte[] inner = bytes(random.nextInt(30));
            byte[] value = new byte[inner.length + 2];
            value[0] = (byte) (inner.length >>> 8);
            value[1] = (byte) inner.length;
            System.arraycopy(inner, 0, value, 2, inner.length);
            params.add(new SvcParam.Ech(value));
        }
        if (random.nextBoolean()) {
            List<Inet6Address> v6 = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                v6.add(inet6(bytes(16)));
            }
            params.add(new SvcParam.Ipv6Hint(v6));
        }
        if (random.nextBoolean()) {
            params.add(new SvcParam.Unknown(65280, bytes(2)));
        }
        if (random.nextInt(4) == 0) {
            params.add(new SvcParam.Unknown(7 + random.nextInt(1000), bytes(random.nextInt(12))));
        }
        return params;
    }

    public byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static Inet6Address inet6(byte[] b) {
        return AaaaRecord.of(b).address();
    }

    static Inet4Address inet4(String literal) {
        try {
            return (Inet4Address) InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
