package org.pubky.store.lmdb;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.PubkyException;

/**
 * The settings of an LMDB metadata store, read from the provider's configuration namespace
 * ({@code pubky.storage.metadata.*} with the prefix removed). Every key is optional:
 *
 * <ul>
 *   <li>{@code dir}: the LMDB environment directory; default {@code <data dir>/lmdb}</li>
 *   <li>{@code map-size}: the initial map size (bytes, or with a {@code k}/{@code m}/{@code g}/{@code t}
 *       binary suffix); default {@code 256m}; the map grows on demand</li>
 *   <li>{@code max-map-size}: the map never grows beyond this; default {@code 1t}</li>
 *   <li>{@code max-readers}: concurrent read transactions; default 256 (more readers wait)</li>
 *   <li>{@code sync}: {@code true} (default: every commit is flushed to disk before it returns),
 *       {@code meta} (MDB_NOMETASYNC: the last commit may be lost on an OS crash, integrity kept) or
 *       {@code false} (MDB_NOSYNC: flushed only on close; an OS crash may lose recent commits)</li>
 * </ul>
 *
 * @param dir the environment directory
 * @param mapSize the initial map size in bytes
 * @param maxMapSize the largest map size in bytes
 * @param maxReaders the maximum number of concurrent read transactions
 * @param sync the durability of commits
 */
record LmdbConfig(Path dir, long mapSize, long maxMapSize, int maxReaders, Sync sync) {
    static final Set<String> KEYS = Set.of("dir", "map-size", "max-map-size", "max-readers", "sync");
    /** LMDB rounds to pages; we round to 64 KiB so every platform's page size divides it. */
    static final long GRANULE = 64 * 1024;

    /** How far a commit is flushed before it returns. */
    enum Sync {
        /** fsync data and meta page: durable. */
        FULL,
        /** fsync data only (MDB_NOMETASYNC): an OS crash may undo the last commit. */
        META,
        /** no fsync (MDB_NOSYNC): flushed on close; an OS crash may lose recent commits. */
        NONE
    }

    LmdbConfig {
        if (mapSize < GRANULE || maxMapSize < mapSize) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "LMDB map-size must be >= 64k and <= max-map-size");
        }
        if (maxReaders < 1) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "LMDB max-readers must be at least 1");
        }
    }

    static LmdbConfig parse(ProviderContext context, Map<String, String> config) {
        for (String key : config.keySet()) {
            if (!KEYS.contains(key)) {
                throw new PubkyException(ErrorCode.MALFORMED_INPUT,
                        "unknown LMDB setting '" + key + "' (known: " + String.join(", ", KEYS.stream().sorted()
                                .toList()) + ")");
            }
        }
        String dirText = config.get("dir");
        Path dir = dirText != null && !dirText.isBlank() ? Path.of(dirText.trim())
                : context.requireDataDirectory(LmdbMetadataStoreProvider.NAME).resolve("lmdb");
        long requested = size(config, "map-size", 256L << 20);
        if (requested < GRANULE) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "LMDB map-size must be at least 64k");
        }
        long mapSize = roundUp(requested);
        long maxMapSize = roundUp(size(config, "max-map-size", 1L << 40));
        int maxReaders = (int) Math.min(Integer.MAX_VALUE, size(config, "max-readers", 256));
        Sync sync = switch (config.getOrDefault("sync", "true").trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Sync.FULL;
            case "meta" -> Sync.META;
            case "false" -> Sync.NONE;
            default -> throw new PubkyException(ErrorCode.MALFORMED_INPUT, "LMDB sync must be true, meta or false");
        };
        return new LmdbConfig(dir, mapSize, Math.max(mapSize, maxMapSize), maxReaders, sync);
    }

    private static long roundUp(long bytes) {
        long rounded = (bytes + GRANULE - 1) / GRANULE * GRANULE;
        return rounded < 0 ? Long.MAX_VALUE / GRANULE * GRANULE : rounded;
    }

    /** A non-negative number with an optional binary suffix k, m, g or t. */
    static long size(Map<String, String> config, String key, long defaultValue) {
        String text = config.get(key);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        int shift = switch (t.charAt(t.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n < 0 || n > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT,
                    "LMDB " + key + " must be a non-negative number with an optional k/m/g/t suffix");
        }
    }
}
