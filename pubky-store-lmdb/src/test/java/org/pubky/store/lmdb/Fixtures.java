package org.pubky.store.lmdb;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.StoredBlob;
import org.pubky.spi.storage.UnitProbe;

/** Shared test values: users, hashes, units and stores. */
final class Fixtures {
    static final String Z32 = "ybndrfg8ejkmcpqxot1uwisza345h769";
    static final Instant T0 = Instant.parse("2025-01-02T03:04:05.123456Z");

    private Fixtures() {
    }

    /** A syntactically valid user key derived from {@code seed}. */
    static String user(long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(52);
        for (int i = 0; i < 52; i++) {
            b.append(Z32.charAt(r.nextInt(32)));
        }
        return b.toString();
    }

    static byte[] hash(long seed) {
        byte[] h = new byte[32];
        new Random(seed).nextBytes(h);
        return h;
    }

    static PutUnit put(String user, String path, long length) {
        return new PutUnit(user, path, new StoredBlob("b-" + Math.abs((user + path).hashCode()) + "-" + length, length),
                hash(path.hashCode()), "text/plain", T0, PutUnit.NO_LIMIT, true);
    }

    static LmdbMetadataStore open(Path dir) {
        return open(dir, Map.of(), UnitProbe.NONE);
    }

    static LmdbMetadataStore open(Path dir, Map<String, String> config, UnitProbe probe) {
        Map<String, String> cfg = new HashMap<>(config);
        cfg.putIfAbsent("map-size", "16m");
        Map<Class<?>, Object> services = new HashMap<>();
        services.put(UnitProbe.class, probe);
        ProviderContext context = new ProviderContext(Optional.of(dir), java.time.Clock.systemUTC(), services);
        return LmdbMetadataStore.open(context, cfg);
    }

    /** A string of {@code n} UTF-8 bytes built from {@code unit} (which must divide evenly). */
    static String repeat(String unit, int bytes) {
        int unitBytes = unit.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return unit.repeat(bytes / unitBytes);
    }
}
