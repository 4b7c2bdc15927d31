package org.pubky.it.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.pubky.it.crash.StoreAudit.Findings;
import org.pubky.it.crash.StoreAudit.Snapshot;
import org.pubky.it.crash.StoreSetup.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash loop: start a {@link CrashChild} on the stores, kill it with SIGKILL at a random
 * moment, reopen the stores here and {@link StoreAudit check} them; repeat. Most rounds kill after
 * a random number of acknowledged units plus a random delay, so the kill lands inside some unit;
 * every fifth round kills at a random moment after the child's start, so that some kills land
 * while it starts and opens (recovers) the stores.
 */
final class CrashRounds {
    /** The exit status of a process killed by SIGKILL (128 + 9); SIGTERM would give 143. */
    static final int SIGKILL_STATUS = 137;
    /** A normal round kills after 0 to this many acknowledged units (plus up to 100 ms). */
    private static final int MAX_UNITS_BEFORE_KILL = 40;
    private static final Logger LOG = LoggerFactory.getLogger(CrashRounds.class);

    private final StoreSetup setup;
    private final Path work;
    private final long seed;
    /** How long the last child took to become ready, for timing the early kills. */
    private long readyMillis = 1000;

    CrashRounds(StoreSetup setup, Path work, long seed) {
        this.setup = setup;
        this.work = work;
        this.seed = seed;
    }

    /**
     * What a run did, summed over its rounds.
     *
     * @param rounds how many children were killed
     * @param killedBeforeReady kills that came before the child had opened the stores
     * @param acknowledged units the children acknowledged (all must be found)
     * @param inFlight units begun but not acknowledged when the kill came
     * @param inFlightCommitted of those, how many had committed
     * @param orphansSwept orphan blobs the sweep removed after the kills
     * @param events events in the log at the end
     * @param files files stored at the end
     * @param millis the run's wall time
     */
    record Summary(int rounds, int killedBeforeReady, long acknowledged, long inFlight, long inFlightCommitted,
            long orphansSwept, int events, int files, long millis) {
    }

    Summary run(int rounds) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path setupFile = work.resolve("stores.properties");
        setup.save(setupFile);
        Random random = new Random(seed);
        Snapshot snapshot = Snapshot.EMPTY;
        int beforeReady = 0;
        long acknowledged = 0;
        long inFlight = 0;
        long committed = 0;
        long swept = 0;
        for (int round = 0; round < rounds; round++) {
            boolean early = round % 5 == 4;
            long roundStart = System.nanoTime();
            UnitJournal journal = killOne(round, setupFile, random.nextLong(), early, random);
            long killed = System.nanoTime();
            try (Stores stores = setup.open()) {
                Findings findings = StoreAudit.check(stores, snapshot, journal);
                LOG.info("round {}: {} units acknowledged, {} in flight ({} committed), {} orphans swept, {} events, "
                        + "{} files; child ready after {} ms, killed after {} ms, checked in {} ms", round,
                        journal.acknowledged(), journal.inFlight(), findings.inFlightCommitted(),
                        findings.orphansSwept(), findings.snapshot().events().size(),
                        findings.snapshot().files().size(), early ? "-" : readyMillis,
                        TimeUnit.NANOSECONDS.toMillis(killed - roundStart),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
                snapshot = findings.snapshot();
                committed += findings.inFlightCommitted();
                swept += findings.orphansSwept();
            } catch (AssertionError e) {
                throw new AssertionError("round " + round + " of seed " + seed + ": " + e.getMessage(), e);
            }
            beforeReady += journal.ready() ? 0 : 1;
            acknowledged += journal.acknowledged();
            inFlight += journal.inFlight();
        }
        return new Summary(rounds, beforeReady, acknowledged, inFlight, committed, swept, snapshot.events().size(),
                snapshot.files().size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private UnitJournal killOne(int round, Path setupFile, long childSeed, boolean early, Random random)
            throws IOException, InterruptedException {
        Path stderr = work.resolve("child-" + round + ".err");
        ChildOutput output = new ChildOutput(work.resolve("child-" + round + ".out"));
        long started = System.nanoTime();
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: the child lives a few seconds, so a quick start beats peak speed
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), setupFile.toString(), Long.toString(childSeed))
                .redirectOutput(output.file().toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            if (early) {
                // somewhere between the start and the moment the last child was ready: JVM start,
                // store open (LMDB recovery, pool start, migration check), user creation
                Thread.sleep(random.nextInt((int) Math.max(1, readyMillis)));
            } else {
                // a random number of acknowledged units, then a random moment inside the next ones;
                // counting units rather than milliseconds keeps the kills mid-write however loaded
                // the machine is
                int units = random.nextInt(MAX_UNITS_BEFORE_KILL);
                assertThat(output.await(lines -> lines.contains("READY"), 120, TimeUnit.SECONDS))
                        .as("child of round %d ready; its stderr: %s", round, read(stderr)).isTrue();
                readyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertThat(output.await(lines -> ChildOutput.count(lines, "ACK ") >= units, 120, TimeUnit.SECONDS))
                        .as("child of round %d acknowledged %d units; its stderr: %s", round, units, read(stderr))
                        .isTrue();
                Thread.sleep(random.nextInt(100));
            }
            assertThat(child.isAlive()).as("child of round %d still running; its stderr: %s", round, read(stderr))
                    .isTrue();

            child.destroyForcibly();

            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child of round %d died", round).isTrue();
            assertThat(child.exitValue()).as("exit status of a child killed by SIGKILL").isEqualTo(SIGKILL_STATUS);
            UnitJournal journal = UnitJournal.parse(output.lines());
            assertThat(journal.hookRan()).as("a shutdown hook ran, so the kill was not SIGKILL").isFalse();
            return journal;
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
