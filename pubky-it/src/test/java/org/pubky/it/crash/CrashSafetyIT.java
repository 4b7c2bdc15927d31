package org.pubky.it.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.store.jdbc.TestDatabase;
import org.pubky.store.jdbc.db.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash safety of the homeserver's write path on real stores: a child JVM PUTs and DELETEs files
 * through {@code StorageService} (blob written and synced, unit committed, replaced blob deleted)
 * and is killed with SIGKILL at random moments, {@value #ROUNDS} times per store pair; after every
 * kill the stores are reopened in this JVM and checked by {@link StoreAudit}.
 *
 * <p>The kill moments come from a random seed, logged at the start; rerun a failure with
 * {@code -Dpubky.test.crashSeed=<seed>}. PostgreSQL (127.0.0.1:5432, user {@code postgres},
 * database {@code test}, a throw-away schema) is skipped when unreachable unless
 * {@code pubky.test.requireDatabases=true}.
 */
final class CrashSafetyIT {
    private static final Logger LOG = LoggerFactory.getLogger(CrashSafetyIT.class);
    private static final int ROUNDS = 20;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void lmdbAndFilesKeepEveryAcknowledgedUnitThroughSigkill(@TempDir Path work, TestReporter reporter)
            throws Exception {
        // a 64 KiB initial map makes the map grow (by doubling) several times during the run, so
        // kills also land around growth
        StoreSetup setup = new StoreSetup(work.resolve("data"), "lmdb", Map.of("sync", "true", "map-size", "64k"),
                "files", Map.of("fsync", "true"));

        check(setup, work, reporter);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void postgresAndFilesKeepEveryAcknowledgedUnitThroughSigkill(@TempDir Path work, TestReporter reporter)
            throws Exception {
        try (TestDatabase db = TestDatabase.create(Dialect.POSTGRESQL)) {
            Map<String, String> jdbc = new HashMap<>(db.config());
            jdbc.put("pool-size", "3"); // two writer threads; fewer connections to open per child
            StoreSetup setup = new StoreSetup(work.resolve("data"), "jdbc", jdbc, "files", Map.of("fsync", "true"));

            check(setup, work, reporter);
        }
    }

    private static void check(StoreSetup setup, Path work, TestReporter reporter) throws Exception {
        long seed = Long.getLong("pubky.test.crashSeed", new SecureRandom().nextLong());
        LOG.info("crash test on {} + {}, seed {}", setup.metadataProvider(), setup.blobProvider(), seed);

        CrashRounds.Summary summary = new CrashRounds(setup, work, seed).run(ROUNDS);

        LOG.info("crash test on {} + {}: {}", setup.metadataProvider(), setup.blobProvider(), summary);
        reporter.publishEntry(Map.of("seed", Long.toString(seed), "summary", summary.toString()));
        assertThat(summary.rounds()).isEqualTo(ROUNDS);
        // not vacuous: most kills hit a writing child, with units in flight
        assertThat(summary.acknowledged()).as("acknowledged units").isGreaterThanOrEqualTo(100);
        assertThat(summary.inFlight()).as("units in flight at a kill").isGreaterThanOrEqualTo(ROUNDS / 2);
    }
}
