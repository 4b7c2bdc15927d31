package org.pubky.store.jdbc.tck;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.pubky.spi.ProviderContext;
import org.pubky.store.jdbc.TestDatabase;
import org.pubky.store.jdbc.db.Dialect;
import org.slf4j.LoggerFactory;

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
        Map<String, String> config = new HashMap<>(db.config());
        config.put("pool-size", "20");
        config.put("hikari.minimumIdle", "2");
        // Units of one user serialize on its row, and both databases hold that lock through the
        // commit's log flush (3-10 ms on this project's disks), so 100 000 puts of one user would
        // take longer than the kit allows. The kit lets a backend relax syncing in its test
        // (it reopens stores but never crashes them).
        if (dialect == Dialect.POSTGRESQL) {
            config.put("hikari.connectionInitSql", "SET synchronous_commit = off");
        } else {
            relaxMariaDbFlush(db);
        }
        return config;
    }

    /**
     * MariaDB has no per-session equivalent of {@code synchronous_commit = off}: the flush policy
     * is the server-wide {@code innodb_flush_log_at_trx_commit}. On the test server, set it to 2
     * (write the log at commit, flush it once a second: commits survive a crash of the server, not
     * of the machine) if it is at the default 1. Deliberately not restored: other test runs share
     * the server, and restoring under them would slow them down mid-run.
     */
    private static void relaxMariaDbFlush(TestDatabase db) {
        try (Connection c = DriverManager.getConnection(db.url());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@GLOBAL.innodb_flush_log_at_trx_commit")) {
            if (rs.next() && rs.getInt(1) == 1) {
                s.execute("SET GLOBAL innodb_flush_log_at_trx_commit = 2");
            }
        } catch (SQLException e) {
            // without the privilege the kit still runs, only its 100 000-entry test may time out
            LoggerFactory.getLogger(TckDatabases.class).warn("cannot relax MariaDB's log flush", e);
        }
    }

    static void dispose(Dialect dialect, Path dataDirectory) {
        if (dialect != Dialect.H2) {
            of(dialect, dataDirectory).close();
        }
    }
}
