package org.pubky.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pubky.spi.storage.EventLog;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.StoreCapability;
import org.pubky.spi.storage.StoredBlob;
import org.pubky.store.jdbc.db.Dialect;

/**
 * Event subscribers of one instance wake for commits of another instance sharing the schema:
 * on PostgreSQL through LISTEN/NOTIFY (also after the listening connection was killed), on
 * MariaDB and H2 through the optional cursor poll.
 */
@Timeout(120)
final class NotificationIT {
    private static final String USER = TestKeys.user(1);

    private static PutUnit unit(String path) {
        return new PutUnit(USER, path, new StoredBlob("b", 1), new byte[32], "x", Instant.EPOCH, PutUnit.NO_LIMIT,
                true);
    }

    private static boolean await(IntSupplier value, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (value.getAsInt() < atLeast) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Test
    void postgresWakesOtherInstancesAndSurvivesALostListenConnection() throws Exception {
        try (TestDatabase tdb = TestDatabase.create(Dialect.POSTGRESQL);
                MetadataStore a = new JdbcMetadataStoreProvider().open(tdb.context(), tdb.config());
                MetadataStore b = new JdbcMetadataStoreProvider().open(tdb.context(), tdb.config())) {
            assertThat(a.capabilities()).contains(StoreCapability.CROSS_INSTANCE_NOTIFICATIONS);
            b.users().create(USER, Instant.EPOCH, Optional.empty());
            AtomicInteger woken = new AtomicInteger();
            try (EventLog.Subscription ignored = a.events().subscribe(woken::incrementAndGet)) {
                b.entries().put(unit("/pub/1"));
                assertThat(await(woken::get, 1)).as("A woken by B's commit").isTrue();

                // kill A's LISTEN session behind its back; the listener must reconnect and wake
                int terminated = terminateListeners(tdb);
                assertThat(terminated).isEqualTo(1);
                assertThat(await(woken::get, 2)).as("a wake-up after reconnecting (events may have been missed)")
                        .isTrue();
                int before = woken.get();
                b.entries().put(unit("/pub/2"));
                assertThat(await(woken::get, before + 1)).as("A woken by B after the reconnect").isTrue();
            }
            int atClose = woken.get();
            b.entries().put(unit("/pub/3"));
            Thread.sleep(300);
            assertThat(woken.get()).as("no calls after the subscription is closed").isEqualTo(atClose);
        }
    }

    /** Terminates the backends listening on this schema's channel, as a failover or idle reaper would. */
    private static int terminateListeners(TestDatabase tdb) throws Exception {
        String channel = "pubky_events_" + tdb.schema();
        try (Connection c = DriverManager.getConnection(tdb.url()); Statement s = c.createStatement()) {
            for (int attempt = 0; attempt < 50; attempt++) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        + "WHERE query = 'LISTEN \"" + channel + "\"'")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return rs.getInt(1);
                    }
                }
                Thread.sleep(100);
            }
        }
        return 0;
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"MARIADB", "H2"})
    void withoutPostgresTheCursorPollWakesOtherInstances(Dialect dialect) throws Exception {
        try (TestDatabase tdb = TestDatabase.create(dialect)) {
            Map<String, String> config = new HashMap<>(tdb.config());
            config.put("notify-poll-interval", "50");
            try (MetadataStore a = new JdbcMetadataStoreProvider().open(tdb.context(), config);
                    MetadataStore b = new JdbcMetadataStoreProvider().open(tdb.context(), config)) {
                assertThat(a.capabilities()).doesNotContain(StoreCapability.CROSS_INSTANCE_NOTIFICATIONS);
                b.users().create(USER, Instant.EPOCH, Optional.empty());
                AtomicInteger woken = new AtomicInteger();
                try (EventLog.Subscription ignored = a.events().subscribe(woken::incrementAndGet)) {
                    b.entries().put(unit("/pub/1"));
                    assertThat(await(woken::get, 1)).as("A woken by B's commit through the poll").isTrue();
                    b.entries().put(unit("/pub/2"));
                    assertThat(await(woken::get, 2)).isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"MARIADB", "H2"})
    void withThePollOffOnlyOwnCommitsWake(Dialect dialect) throws Exception {
        try (TestDatabase tdb = TestDatabase.create(dialect)) {
            Map<String, String> config = new HashMap<>(tdb.config());
            config.put("notify-poll-interval", "0");
            try (MetadataStore a = new JdbcMetadataStoreProvider().open(tdb.context(), config);
                    MetadataStore b = new JdbcMetadataStoreProvider().open(tdb.context(), config)) {
                b.users().create(USER, Instant.EPOCH, Optional.empty());
                AtomicInteger woken = new AtomicInteger();
                try (EventLog.Subscription ignored = a.events().subscribe(woken::incrementAndGet)) {
                    b.entries().put(unit("/pub/other"));
                    Thread.sleep(300);
                    assertThat(woken.get()).as("no poll, no wake-up from another instance").isZero();
                    a.entries().put(unit("/pub/own"));
                    assertThat(woken.get()).as("own commits wake at once").isEqualTo(1);
                }
            }
        }
    }
}
