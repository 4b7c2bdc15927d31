package org.pubky.store.jdbc.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

final class TimesTest {
    @Test
    void microsecondInstantsRoundTripExactly() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long micros = random.nextLong() / 1000; // well inside the range, negative ones included
            Instant instant = Times.fromMicros(micros);
            assertThat(Times.toMicros(instant)).isEqualTo(micros);
            assertThat(instant.getNano() % 1000).isZero();
        }
        assertThat(Times.toMicros(Instant.parse("2025-01-02T03:04:05.123456Z"))).isEqualTo(1_735_787_045_123_456L);
        assertThat(Times.fromMicros(-1)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
        assertThat(Times.toMicros(Instant.EPOCH)).isZero();
    }

    @Test
    void subMicrosecondPartsAreTruncated() {
        assertThat(Times.toMicros(Instant.ofEpochSecond(1, 999))).isEqualTo(1_000_000L);
    }

    @Test
    void instantsBeyondTheRangeAreRefused() {
        for (Instant far : new Instant[] {Instant.MAX, Instant.MIN, Instant.ofEpochSecond(Long.MAX_VALUE / 1000)}) {
            assertThatThrownBy(() -> Times.toMicros(far)).isInstanceOfSatisfying(PubkyException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
        }
    }
}
