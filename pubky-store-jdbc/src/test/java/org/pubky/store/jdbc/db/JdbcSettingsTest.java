package org.pubky.store.jdbc.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

final class JdbcSettingsTest {
    @Test
    void defaults() {
        JdbcSettings s = JdbcSettings.parse(Map.of());
        assertThat(s.url()).isEmpty();
        assertThat(s.poolSize()).isEqualTo(10);
        assertThat(s.connectionTimeoutMillis()).isEqualTo(30_000);
        assertThat(s.schema()).isEmpty();
        assertThat(s.migrate()).isTrue();
        assertThat(s.notifyPollMillis()).isEmpty();
        assertThat(s.chunkSize()).isEqualTo(256 << 10);
        assertThat(s.poolProperties()).isEmpty();
    }

    @Test
    void everyKey() {
        JdbcSettings s = JdbcSettings.parse(Map.of("url", " jdbc:postgresql://db/pubky ", "user", "pubky",
                "password", "s3cret", "pool-size", "25", "connection-timeout", "5000", "schema", "pubky_main",
                "migrate", "FALSE", "notify-poll-interval", "250", "chunk-size", "65536",
                "hikari.leakDetectionThreshold", "10000"));
        assertThat(s.url()).contains("jdbc:postgresql://db/pubky");
        assertThat(s.user()).contains("pubky");
        assertThat(s.password()).contains("s3cret");
        assertThat(s.poolSize()).isEqualTo(25);
        assertThat(s.connectionTimeoutMillis()).isEqualTo(5000);
        assertThat(s.schema()).contains("pubky_main");
        assertThat(s.migrate()).isFalse();
        assertThat(s.notifyPollMillis()).contains(250L);
        assertThat(s.chunkSize()).isEqualTo(65536);
        assertThat(s.poolProperties()).containsExactlyEntriesOf(Map.of("leakDetectionThreshold", "10000"));
        assertThat(s.toString()).doesNotContain("s3cret").contains("***");
    }

    @Test
    void blankValuesMeanUnset() {
        JdbcSettings s = JdbcSettings.parse(Map.of("url", "  ", "schema", ""));
        assertThat(s.url()).isEmpty();
        assertThat(s.schema()).isEmpty();
    }

    @Test
    void badValuesNameTheKeyButNotTheValue() {
        for (Map<String, String> bad : new Map[] {Map.of("pool-size", "0"), Map.of("pool-size", "ten"),
                Map.of("pool-size", "99999"), Map.of("connection-timeout", "-1"), Map.of("migrate", "yes-please"),
                Map.of("chunk-size", "100"), Map.of("chunk-size", "999999999"),
                Map.of("notify-poll-interval", "-5"), Map.of("schema", "pubky; DROP TABLE x"),
                Map.of("schema", "1abc"), Map.of("schema", "a".repeat(49)), Map.of("schema", "\"quoted\"")}) {
            String key = bad.keySet().iterator().next();
            assertThatThrownBy(() -> JdbcSettings.parse(bad)).as("%s", bad)
                    .isInstanceOfSatisfying(PubkyException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                    .hasMessageContaining("'" + key + "'")
                    .satisfies(e -> {
                        if (bad.get(key).length() > 3) {
                            assertThat(e.getMessage()).doesNotContain(bad.get(key));
                        }
                    });
        }
    }

    @Test
    void unknownKeysAreReported() {
        assertThat(JdbcSettings.unknownKeys(Map.of("url", "x", "pool_size", "3", "hikari.foo", "1", "passwd", "p")))
                .containsExactly("passwd", "pool_size");
    }

    @Test
    void urlsArePrintedWithoutPasswords() {
        assertThat(JdbcSettings.maskUrl("jdbc:postgresql://h/db?user=a&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
        assertThat(JdbcSettings.maskUrl("jdbc:mariadb://h/db?PWD=x;other=1")).doesNotContain("=x;");
        JdbcSettings s = JdbcSettings.parse(Map.of("url", "jdbc:postgresql://h/db?password=hunter2"));
        assertThat(s.toString()).doesNotContain("hunter2");
        assertThat(JdbcSettings.SENSITIVE_KEYS).containsExactly("password");
        assertThat(s.password()).isEqualTo(Optional.empty());
    }
}
