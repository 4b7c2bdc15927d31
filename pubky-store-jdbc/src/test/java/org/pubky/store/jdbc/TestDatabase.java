package org.pubky.store.jdbc;

import static org.assertj.core.api.Assertions.fail;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.storage.UnitProbe;
import org.pubky.store.jdbc.db.Dialect;

/**
 * A throw-away schema (PostgreSQL, H2) or database (MariaDB) with a random name, dropped on close,
 * so test runs never share tables (the servers' {@code test} databases are shared).
 *
 * <p>PostgreSQL and MariaDB tests skip with a message when the server is unreachable, unless the
 * system property {@code pubky.test.requireDatabases} is {@code true} (CI), in which case they
 * fail. Server addresses can be overridden with {@code PUBKY_TEST_POSTGRES_URL} and
 * {@code PUBKY_TEST_MARIADB_URL}.
 */
public final class TestDatabase implements AutoCloseable {
    static final String POSTGRES_URL = env("PUBKY_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=5");
    static final String MARIADB_URL = env("PUBKY_TEST_MARIADB_URL",
            "jdbc:mariadb://127.0.0.1:3306/test?user=root&connectTimeout=5000");

    private final Dialect dialect;
    private final String url;
    private final String schema;

    private TestDatabase(Dialect dialect, String url, String schema) {
        this.dialect = dialect;
        this.url = url;
        this.schema = schema;
    }

    /** Whether unreachable servers fail the test instead of skipping it. */
    public static boolean required() {
        return Boolean.parseBoolean(System.getProperty("pubky.test.requireDatabases", "false").trim());
    }

    /** A fresh schema on {@code dialect}'s server (H2: a fresh in-memory database with a schema). */
    public static TestDatabase create(Dialect dialect) {
        return create(dialect, "t" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6)));
    }

    /** A schema with the given name suffix; reopening with the same suffix reaches the same tables. */
    public static TestDatabase create(Dialect dialect, String suffix) {
        String schema = "pubky_" + suffix;
        return switch (dialect) {
            case POSTGRESQL -> {
                reachable("PostgreSQL", POSTGRES_URL);
                yield new TestDatabase(dialect, POSTGRES_URL, schema);
            }
            case MARIADB -> {
                reachable("MariaDB", MARIADB_URL);
                yield new TestDatabase(dialect, MARIADB_URL, schema);
            }
            case H2 -> new TestDatabase(dialect, "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1", schema);
        };
    }

    private static void reachable(String name, String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            c.isValid(5);
        } catch (SQLException e) {
            String message = name + " is not reachable at " + url.replaceAll("\\?.*", "") + " (" + e.getMessage()
                    + ")";
            if (required()) {
                fail(message + "; pubky.test.requireDatabases=true makes this a failure");
            }
            Assumptions.abort(message + "; skipping (set PUBKY_TEST_REQUIRE_DATABASES=true to fail instead)");
        }
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }

    public Dialect dialect() {
        return dialect;
    }

    public String url() {
        return url;
    }

    public String schema() {
        return schema;
    }

    /** Provider configuration reaching this schema through an own pool. */
    public Map<String, String> config() {
        Map<String, String> config = new HashMap<>();
        config.put("url", url);
        config.put("schema", schema);
        config.put("pool-size", "6");
        return config;
    }

    /** Provider configuration for a host DataSource: only the schema. */
    public Map<String, String> dataSourceConfig() {
        return new HashMap<>(Map.of("schema", schema));
    }

    /** A plain, unpooled DataSource, like the simplest a container hands in. */
    public DataSource dataSource() {
        return new PlainDataSource(url);
    }

    public ProviderContext context() {
        return new ProviderContext(Optional.empty(), Clock.systemUTC(), Map.of());
    }

    public ProviderContext context(UnitProbe probe) {
        return new ProviderContext(Optional.empty(), Clock.systemUTC(), Map.of(UnitProbe.class, probe));
    }

    public ProviderContext dataSourceContext() {
        return new ProviderContext(Optional.empty(), Clock.systemUTC(), Map.of(DataSource.class, dataSource()));
    }

    /** Runs SQL on the server outside any store (DDL, sabotage, inspection). */
    public void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops the schema (database); safe to call when it was never created. */
    @Override
    public void close() {
        switch (dialect) {
            case POSTGRESQL -> execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            case MARIADB -> execute("DROP DATABASE IF EXISTS " + schema);
            case H2 -> execute("SHUTDOWN");
        }
    }

    /** A DataSource that opens a new driver connection for every call. */
    static class PlainDataSource implements DataSource {
        private final String url;

        PlainDataSource(String url) {
            this.url = url;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            throw new SQLException("not a wrapper of " + iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return iface.isInstance(this);
        }
    }
}
