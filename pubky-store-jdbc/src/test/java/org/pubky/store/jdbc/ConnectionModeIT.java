package org.pubky.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.Providers;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.BlobStoreProvider;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventQuery;
import org.pubky.spi.storage.MetadataStoreProvider;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.StoredBlob;
import org.pubky.store.jdbc.db.Dialect;

/** A host DataSource and an own pool from a URL reach the same data; the host's pool stays the host's. */
@Timeout(120)
final class ConnectionModeIT {
    private static final String USER = TestKeys.user(2);

    private static MetadataStoreProvider metadataProvider() {
        return Providers.find(MetadataStoreProvider.class, "jdbc", ConnectionModeIT.class.getClassLoader());
    }

    private static BlobStoreProvider blobProvider() {
        return Providers.find(BlobStoreProvider.class, "jdbc", ConnectionModeIT.class.getClassLoader());
    }

    private static ProviderContext with(DataSource ds) {
        return new ProviderContext(Optional.empty(), Clock.systemUTC(), Map.of(DataSource.class, ds));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void urlAndHostDataSourceSeeTheSameDataAndTheDialectIsDetected(Dialect dialect) throws Exception {
        try (TestDatabase tdb = TestDatabase.create(dialect)) {
            StoredBlob blob;
            try (MetadataStore byUrl = metadataProvider().open(tdb.context(), tdb.config());
                    BlobStore blobsByUrl = blobProvider().open(tdb.context(), tdb.config())) {
                assertThat(((JdbcMetadataStore) byUrl).database().dialect()).isEqualTo(dialect);
                byUrl.users().create(USER, Instant.EPOCH, Optional.empty());
                blob = blobsByUrl.write(new ByteArrayInputStream(new byte[] {1, 2, 3}));
            }
            HikariConfig hc = new HikariConfig();
            hc.setJdbcUrl(tdb.url());
            hc.setMaximumPoolSize(4);
            try (HikariDataSource hostPool = new HikariDataSource(hc)) {
                try (MetadataStore byDataSource = metadataProvider().open(with(hostPool), tdb.dataSourceConfig());
                        BlobStore blobsByDataSource = blobProvider().open(with(hostPool), tdb.dataSourceConfig())) {
                    assertThat(byDataSource.users().find(USER)).isPresent();
                    assertThat(blobsByDataSource.open(blob.id()).readAllBytes()).containsExactly(1, 2, 3);
                    // MariaDB without allowMultiQueries takes the statement-by-statement path
                    assertThat(((JdbcMetadataStore) byDataSource).database().multiStatements())
                            .isEqualTo(dialect == Dialect.POSTGRESQL);
                    unitsWork(byDataSource);
                }
                assertThat(hostPool.isClosed()).as("closing the stores leaves the host's pool open").isFalse();
                try (Connection c = hostPool.getConnection()) {
                    assertThat(c.isValid(5)).isTrue();
                }
            }
            // an unpooled DataSource (each call a new connection) works as well
            try (MetadataStore plain = metadataProvider().open(tdb.dataSourceContext(), tdb.dataSourceConfig())) {
                assertThat(plain.users().find(USER)).isPresent();
            }
        }
    }

    /** Puts, overwrites, collisions, quota and deletes keep entries, usage and events consistent. */
    private static void unitsWork(MetadataStore store) {
        java.util.function.Function<String, PutUnit> unit = path -> new PutUnit(USER, path, new StoredBlob("b", 10),
                new byte[32], "x", Instant.EPOCH, 2 * (10 + 256), true);
        long first = store.entries().put(unit.apply("/pub/a/b")).event().cursor();
        assertThat(store.entries().put(unit.apply("/pub/a/b")).replaced()).isPresent();
        assertThatThrownBy(() -> store.entries().put(unit.apply("/pub/a"))).isInstanceOfSatisfying(
                PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> store.entries().put(unit.apply("/pub/a/b/c"))).isInstanceOfSatisfying(
                PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        store.entries().put(unit.apply("/pub/c"));
        assertThatThrownBy(() -> store.entries().put(unit.apply("/pub/d"))).isInstanceOfSatisfying(
                PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED));
        long last = store.entries().delete(USER, "/pub/a/b", Instant.EPOCH).event().cursor();
        assertThat(store.users().find(USER).orElseThrow().usedBytes()).isEqualTo(266);
        assertThat(store.events().read(new EventQuery(Map.of(USER, 0L), 0, List.of(), 10, false)))
                .extracting(Event::cursor).hasSize(4).startsWith(first).endsWith(last).isSorted();
    }

    @Test
    void aConfiguredUrlWinsOverTheHostDataSource() {
        try (TestDatabase tdb = TestDatabase.create(Dialect.H2)) {
            DataSource broken = new TestDatabase.PlainDataSource("jdbc:nothing:here");
            try (MetadataStore store = metadataProvider().open(with(broken), tdb.config())) {
                store.users().create(USER, Instant.EPOCH, Optional.empty());
                assertThat(store.users().find(USER)).isPresent();
            }
        }
    }

    @Test
    void withNeitherUrlNorDataSourceTheConfigurationIsRefused() {
        assertThatThrownBy(() -> metadataProvider().open(new ProviderContext(Optional.empty(), Clock.systemUTC(),
                Map.of()), Map.of("schema", "x"))).isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("'url'").hasMessageContaining("DataSource");
        assertThatThrownBy(() -> blobProvider().open(new ProviderContext(Optional.empty(), Clock.systemUTC(),
                Map.of()), Map.of())).isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
    }

    @Test
    void anUnreachableDatabaseIsAStorageFailureThatKeepsThePasswordSecret() {
        Map<String, String> config = new HashMap<>();
        config.put("url", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        config.put("user", "pubky");
        config.put("password", "hunter2-secret");
        config.put("connection-timeout", "1000");
        assertThatThrownBy(() -> metadataProvider().open(new ProviderContext(Optional.empty(), Clock.systemUTC(),
                Map.of()), config)).isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThat(metadataProvider().sensitiveKeys()).containsExactly("password");
        assertThat(blobProvider().sensitiveKeys()).containsExactly("password");
    }

    @Test
    void anotherDatabaseProductIsRefusedAsUnsupported() throws SQLException {
        // a DataSource whose metadata says "SQLite": detection must refuse it, naming the product
        DataSource fake = new TestDatabase.PlainDataSource("jdbc:h2:mem:fake") {
            @Override
            public Connection getConnection() throws SQLException {
                Connection real = super.getConnection();
                return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("getMetaData")) {
                                java.sql.DatabaseMetaData md = real.getMetaData();
                                return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                                        new Class<?>[] {java.sql.DatabaseMetaData.class}, (p2, m2, a2) ->
                                                m2.getName().equals("getDatabaseProductName") ? "SQLite"
                                                        : m2.invoke(md, a2));
                            }
                            return method.invoke(real, args);
                        });
            }
        };
        assertThatThrownBy(() -> metadataProvider().open(with(fake), Map.of()))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED))
                .hasMessageContaining("SQLite");
    }
}
