package org.pubky.store.jdbc.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

final class DialectTest {
    @Test
    void detectsTheThreeProductsFromDriverNames() {
        assertThat(Dialect.detect("PostgreSQL", "15.20 (Debian 15.20-0+deb12u1)")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.detect("MariaDB", "10.11.19-MariaDB-0+deb12u1")).isEqualTo(Dialect.MARIADB);
        assertThat(Dialect.detect("MySQL", "10.11.19-MariaDB")).as("MySQL driver on a MariaDB server")
                .isEqualTo(Dialect.MARIADB);
        assertThat(Dialect.detect("H2", "2.5.252 (2026-09-23)")).isEqualTo(Dialect.H2);
    }

    @Test
    void refusesOtherProductsNamingThem() {
        for (String[] other : new String[][] {{"MySQL", "8.0.36"}, {"Oracle", "23c"}, {"SQLite", "3.45"},
                {null, null}, {"HSQL Database Engine", "2.7"}}) {
            assertThatThrownBy(() -> Dialect.detect(other[0], other[1]))
                    .isInstanceOfSatisfying(PubkyException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED))
                    .hasMessageContaining("PostgreSQL, MariaDB and H2");
        }
    }

    @Test
    void classifiesUniqueViolations() {
        assertThat(Dialect.POSTGRESQL.isUniqueViolation(new SQLException("dup", "23505"))).isTrue();
        assertThat(Dialect.H2.isUniqueViolation(new SQLException("dup", "23505", 23505))).isTrue();
        assertThat(Dialect.MARIADB.isUniqueViolation(new SQLIntegrityConstraintViolationException("dup", "23000",
                1062))).isTrue();
        assertThat(Dialect.MARIADB.isUniqueViolation(new SQLException("fk", "23000", 1452))).as("foreign key")
                .isFalse();
        assertThat(Dialect.POSTGRESQL.isUniqueViolation(new SQLException("fk", "23503"))).isFalse();
        SQLException chained = new SQLException("batch", "XX000");
        chained.setNextException(new SQLException("dup", "23505"));
        assertThat(Dialect.POSTGRESQL.isUniqueViolation(chained)).isTrue();
    }

    @Test
    void classifiesTransientContentionAsRetryable() {
        assertThat(Dialect.POSTGRESQL.isRetryable(new SQLException("serialization", "40001"))).isTrue();
        assertThat(Dialect.POSTGRESQL.isRetryable(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(Dialect.POSTGRESQL.isRetryable(new SQLException("lock timeout", "55P03"))).isTrue();
        assertThat(Dialect.MARIADB.isRetryable(new SQLException("deadlock", "40001", 1213))).isTrue();
        assertThat(Dialect.MARIADB.isRetryable(new SQLException("lock wait timeout", "HY000", 1205))).isTrue();
        assertThat(Dialect.H2.isRetryable(new SQLException("lock timeout", "HYT00", 50200))).isTrue();
        assertThat(Dialect.POSTGRESQL.isRetryable(new SQLException("wrapped", "XX000",
                new SQLException("deadlock", "40P01")))).as("cause chain").isTrue();

        assertThat(Dialect.POSTGRESQL.isRetryable(new SQLException("dup", "23505"))).isFalse();
        assertThat(Dialect.POSTGRESQL.isRetryable(new SQLException("connection", "08006"))).as("never retry a lost "
                + "connection: the commit may have happened").isFalse();
        assertThat(Dialect.POSTGRESQL.isRetryable(new SQLException("H2 code on PG", "HY000", 50200))).isFalse();
    }

    @Test
    void insertIfAbsentPerDialect() {
        assertThat(Dialect.POSTGRESQL.insertIfAbsent("t", "a, b", "?, ?")).endsWith("ON CONFLICT DO NOTHING");
        assertThat(Dialect.MARIADB.insertIfAbsent("t", "a, b", "?, ?")).startsWith("INSERT IGNORE INTO t");
        assertThat(Dialect.H2.insertIfAbsent("t", "a, b", "?, ?")).isEqualTo("INSERT INTO t (a, b) VALUES (?, ?)");
    }

    @Test
    void rowLockClauses() {
        assertThat(Dialect.POSTGRESQL.lockRowForWrite()).isEqualTo("FOR NO KEY UPDATE");
        assertThat(Dialect.MARIADB.lockRowForWrite()).isEqualTo("FOR UPDATE");
        assertThat(Dialect.H2.lockRowForWrite()).isEqualTo("FOR UPDATE");
    }
}
