package org.pubky.store.jdbc.tck;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.pubky.spi.ProviderContext;
import org.pubky.store.jdbc.TestDatabase;
import org.pubky.store.jdbc.db.Dialect;

/**
 * Maps the compliance kit's per-test data directory to a database: H2 keeps a file database in
 * the directory; PostgreSQL and MariaDB get a schema (database) named after a hash of the
 * directory, so reopening the same directory reopens the same tables and {@code dispose} drops them.
 */
final class TckDatabases {
    private TckDatabases() {
    }

    static TestDatabase of(Dialect dialect, Path dataDirectory) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(dataDirectory.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
            return TestDatabase.create(dialect, "k" + HexFormat.of().formatHex(h, 0, 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Provider configuration of the metadata store for the kit's context. */
    static Map<String, String> config(Dialect dialect, ProviderContext context) {
        return config(dialect, context, "");
    }

    /**
     * Provider configuration of the blob store: on H2 with the settings docs/storage-jdbc.md
     * recommends for a blob database (written pages leave the heap at once).
     */
    static Map<String, String> blobConfig(Dialect dialect, ProviderContext context) {
        return config(dialect, context, ";WRITE_DELAY=0;CACHE_SIZE=4096");
    }

    private static Map<String, String> config(Dialect dialect, ProviderContext context, String h2Settings) {
        Path dir = context.requireDataDirectory("jdbc");
        if (dialect == Dialect.H2) {
            return Map.of("url", "jdbc:h2:file:" + dir.resolve("h2").resolve("pubky").toAbsolutePath() + h2Settings,
                    "pool-size", "20", "hikari.minimumIdle", "2");
        }
        TestDatabase db = of(dialect, dir);
        Map<String, String> config = new java.util.HashMap<>(db.config());
        config.put("pool-size", "20");
        config.put("hikari.minimumIdle", "2");
        if (dialect == Dialect.POSTGRESQL) {
            // commits on one user serialize on its row; without this each waits for a WAL fsync
            // (3-10 ms on the CI disk) and 100 000 puts take longer than the kit allows
            config.put("hikari.connectionInitSql", "SET synchronous_commit = off");
        }
        return config;
    }

    static void dispose(Dialect dialect, Path dataDirectory) {
        if (dialect != Dialect.H2) {
            of(dialect, dataDirectory).close();
        }
    }
}
