package org.pubky.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventQuery;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.StoredBlob;
import org.pubky.spi.storage.UnitProbe;
import org.pubky.store.jdbc.db.Database;
import org.pubky.store.jdbc.db.Dialect;
import org.pubky.store.jdbc.db.JdbcSettings;

/**
 * Cursors become visible in increasing order. Writers of different users (so the owner locks do
 * not serialize them) pause at random between appending their event and committing, which makes
 * commits overtake each other; a reader tails the log by cursor the way a live event stream does.
 * With the event lock the reader sees every event; without it (the negative control) it misses
 * some, which shows that the test can detect the race the lock prevents.
 */
@Timeout(240)
final class EventOrderIT {
    private static final int WRITERS = 6;
    private static final int UNITS = 60;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aTailingReaderSeesEveryEvent(Dialect dialect) throws Exception {
        assertThat(missedByTailingReader(dialect, true)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void withoutTheEventLockATailingReaderMissesEvents(Dialect dialect) throws Exception {
        int missed = 0;
        for (int attempt = 0; attempt < 3 && missed == 0; attempt++) {
            missed = missedByTailingReader(dialect, false);
        }
        assertThat(missed).as("events skipped by the reader without the lock").isPositive();
    }

    private static int missedByTailingReader(Dialect dialect, boolean serialize) throws Exception {
        UnitProbe slowCommit = point -> {
            if (point.equals(UnitProbe.EVENT_APPENDED)) {
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(3_000_000));
            }
        };
        try (TestDatabase tdb = TestDatabase.create(dialect)) {
            Map<String, String> config = new java.util.HashMap<>(tdb.config());
            config.put("pool-size", Integer.toString(WRITERS + 2));
            JdbcSettings settings = JdbcSettings.parse(config);
            Database db = Database.open(tdb.context(), settings, "event order test");
            try (JdbcMetadataStore store = new JdbcMetadataStore(db, settings, slowCommit, Clock.systemUTC(),
                    serialize)) {
                List<String> users = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    String user = TestKeys.user(w);
                    store.users().create(user, Instant.EPOCH, Optional.empty());
                    users.add(user);
                }
                AtomicBoolean writing = new AtomicBoolean(true);
                Set<Long> seen = new HashSet<>();
                Thread reader = new Thread(() -> {
                    long cursor = 0;
                    boolean last = false;
                    while (true) {
                        boolean finalRound = !writing.get();
                        List<Event> page = store.events().read(new EventQuery(Map.of(), cursor, List.of(), 1000,
                                false));
                        for (Event e : page) {
                            seen.add(e.cursor());
                            cursor = Math.max(cursor, e.cursor());
                        }
                        if (last && page.isEmpty()) {
                            return;
                        }
                        last = finalRound;
                    }
                });
                reader.start();
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    String user = users.get(w);
                    Thread t = new Thread(() -> {
                        for (int i = 0; i < UNITS; i++) {
                            store.entries().put(new PutUnit(user, "/pub/" + i, new StoredBlob("b", 1), new byte[32],
                                    "x", Instant.EPOCH, PutUnit.NO_LIMIT, true));
                        }
                    });
                    writers.add(t);
                    t.start();
                }
                for (Thread t : writers) {
                    t.join();
                }
                writing.set(false);
                reader.join();
                List<Long> all = new ArrayList<>();
                long cursor = 0;
                for (List<Event> page; !(page = store.events().read(new EventQuery(Map.of(), cursor, List.of(), 1000,
                        false))).isEmpty(); cursor = page.get(page.size() - 1).cursor()) {
                    page.forEach(e -> all.add(e.cursor()));
                }
                assertThat(all).hasSize(WRITERS * UNITS).isSorted().doesNotHaveDuplicates();
                int missed = 0;
                for (long c : all) {
                    if (!seen.contains(c)) {
                        missed++;
                    }
                }
                return missed;
            }
        }
    }
}
