package org.pubky.store.jdbc.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.store.jdbc.JdbcBlobStoreProvider;
import org.pubky.store.jdbc.JdbcMetadataStore;
import org.pubky.store.jdbc.JdbcMetadataStoreProvider;
import org.pubky.store.jdbc.TestDatabase;

@Timeout(120)
final class MigratorIT {
    private static final Clock CLOCK = Clock.systemUTC();

    private static Database database(TestDatabase tdb) {
        return Database.open(tdb.context(), JdbcSettings.parse(tdb.config()), "test database");
    }

    private static List<String> history(Database db, String component) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version, checksum FROM "
                    + db.table("schema_history") + " WHERE component = '" + component + "' ORDER BY version")) {
                while (rs.next()) {
                    out.add(rs.getInt(1) + ":" + rs.getString(2));
                }
            }
            return out;
        });
    }

    private static boolean tableExists(Database db, String name) {
        return db.read(c -> {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM " + db.table(name)).close();
                return true;
            } catch (java.sql.SQLException e) {
                return false;
            }
        });
    }

    /** The real V1 plus a V2 that creates one table (not idempotent: applying it twice fails). */
    private static List<Migration> withV2(Dialect dialect, String v2) {
        return List.of(JdbcMetadataStore.migrations(dialect).get(0), new Migration(2, "extra", v2));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void appliesEachVersionOnceAndReopensWithoutChanges(Dialect dialect) {
        try (TestDatabase tdb = TestDatabase.create(dialect)) {
            new JdbcMetadataStoreProvider().open(tdb.context(), tdb.config()).close();
            new JdbcBlobStoreProvider().open(tdb.context(), tdb.config()).close();
            try (MetadataStore again = new JdbcMetadataStoreProvider().open(tdb.context(), tdb.config());
                    Database db = database(tdb)) {
                String checksum = JdbcMetadataStore.migrations(dialect).get(0).checksum();
                assertThat(history(db, "metadata")).containsExactly("1:" + checksum);
                assertThat(history(db, "blobs")).hasSize(1).allMatch(row -> row.startsWith("1:"));
                assertThat(checksum).hasSize(64).isNotEqualTo(history(db, "blobs").get(0).substring(2));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void refusesToStartOnAChangedMigration(Dialect dialect) {
        try (TestDatabase tdb = TestDatabase.create(dialect); Database db = database(tdb)) {
            Migration real = JdbcMetadataStore.migrations(dialect).get(0);
            Migrator.migrate(db, "metadata", List.of(real), true, CLOCK);
            Migration edited = new Migration(1, "init", real.script() + "\n-- edited after release\n");

            assertThatThrownBy(() -> Migrator.migrate(db, "metadata", List.of(edited), true, CLOCK))
                    .isInstanceOfSatisfying(PubkyException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE))
                    .hasMessageContaining("V1").hasMessageContaining("checksum mismatch");
            // the same through the provider, after tampering with the recorded checksum
            db.read(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("UPDATE " + db.table("schema_history") + " SET checksum = '"
                            + "0".repeat(64) + "' WHERE component = 'metadata'");
                }
            });
            assertThatThrownBy(() -> new JdbcMetadataStoreProvider().open(tdb.context(), tdb.config()))
                    .isInstanceOf(PubkyException.class).hasMessageContaining("checksum mismatch");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void refusesADatabaseNewerThanTheCode(Dialect dialect) {
        try (TestDatabase tdb = TestDatabase.create(dialect)) {
            new JdbcMetadataStoreProvider().open(tdb.context(), tdb.config()).close();
            try (Database db = database(tdb)) {
                db.read(c -> {
                    try (Statement s = c.createStatement()) {
                        return s.executeUpdate("INSERT INTO " + db.table("schema_history")
                                + " (component, version, description, checksum, applied_at) "
                                + "VALUES ('metadata', 7, 'future', 'x', 0)");
                    }
                });
            }
            assertThatThrownBy(() -> new JdbcMetadataStoreProvider().open(tdb.context(), tdb.config()))
                    .isInstanceOfSatisfying(PubkyException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE))
                    .hasMessageContaining("version 7").hasMessageContaining("newer");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void migrateFalseRefusesAnOutdatedSchemaAndAcceptsACurrentOne(Dialect dialect) {
        try (TestDatabase tdb = TestDatabase.create(dialect)) {
            Map<String, String> noMigrate = new HashMap<>(tdb.config());
            noMigrate.put("migrate", "false");
            assertThatThrownBy(() -> new JdbcMetadataStoreProvider().open(tdb.context(), noMigrate))
                    .isInstanceOf(PubkyException.class).hasMessageContaining("not up to date");

            new JdbcMetadataStoreProvider().open(tdb.context(), tdb.config()).close();
            new JdbcMetadataStoreProvider().open(tdb.context(), noMigrate).close();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void instancesStartingTogetherMigrateOnce(Dialect dialect) throws Exception {
        try (TestDatabase tdb = TestDatabase.create(dialect)) {
            int instances = 4;
            ExecutorService pool = Executors.newFixedThreadPool(instances);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<MetadataStore>> opened = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                opened.add(pool.submit(() -> {
                    go.await();
                    return new JdbcMetadataStoreProvider().open(tdb.context(), tdb.config());
                }));
            }
            go.countDown();
            List<MetadataStore> stores = new ArrayList<>();
            for (Future<MetadataStore> f : opened) {
                stores.add(f.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();
            try (Database db = database(tdb)) {
                assertThat(history(db, "metadata")).hasSize(1);
            }
            for (MetadataStore store : stores) {
                assertThat(store.events().lastCursor()).isZero();
                store.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aSecondMigratorWaitsForTheLockAndThenFindsNothingToDo(Dialect dialect) throws Exception {
        try (TestDatabase tdb = TestDatabase.create(dialect); Database db = database(tdb)) {
            List<Migration> v2 = withV2(dialect, "CREATE TABLE ${t}extra (id INT PRIMARY KEY);\n");
            Migrator.migrate(db, "metadata", v2.subList(0, 1), true, CLOCK);

            CompletableFuture<Void> second;
            try (MigrationLock held = MigrationLock.acquire(db)) {
                second = CompletableFuture.runAsync(() -> Migrator.migrate(db, "metadata", v2, true, CLOCK));
                Thread.sleep(500);
                assertThat(second).as("blocked while another instance holds the lock").isNotDone();
                // what the lock holder does: apply V2 itself
                try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                    for (String sql : v2.get(1).statements(db.tablePrefix(), "pubky_")) {
                        s.execute(sql);
                    }
                    s.executeUpdate("INSERT INTO " + db.table("schema_history") + " (component, version, description, "
                            + "checksum, applied_at) VALUES ('metadata', 2, 'extra', '" + v2.get(1).checksum()
                            + "', 0)");
                }
            }
            second.get(30, TimeUnit.SECONDS); // would fail with "table exists" had it applied V2 again
            assertThat(history(db, "metadata")).hasSize(2);
            assertThat(tableExists(db, "extra")).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aFailingMigrationIsNotRecorded(Dialect dialect) {
        try (TestDatabase tdb = TestDatabase.create(dialect); Database db = database(tdb)) {
            List<Migration> broken = withV2(dialect,
                    "CREATE TABLE ${t}half (id INT PRIMARY KEY);\nCREATE TABLE ${t}half (id INT PRIMARY KEY);\n");

            assertThatThrownBy(() -> Migrator.migrate(db, "metadata", broken, true, CLOCK))
                    .isInstanceOfSatisfying(PubkyException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE));

            assertThat(history(db, "metadata")).hasSize(1);
            if (dialect == Dialect.POSTGRESQL) {
                assertThat(tableExists(db, "half")).as("PostgreSQL rolls the whole version back").isFalse();
            }
        }
    }
}
