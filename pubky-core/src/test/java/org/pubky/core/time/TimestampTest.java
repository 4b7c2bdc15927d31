package org.pubky.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pubky.spi.PubkyException;

final class TimestampTest {
    @Test
    void bytesAreBigEndianMicroseconds() {
        Timestamp ts = new Timestamp(1_700_000_000_000_000L);
        assertThat(HexFormat.of().formatHex(ts.toBytes())).isEqualTo("00060a24181e4000");
        assertThat(Timestamp.fromBytes(ts.toBytes(), 0)).isEqualTo(ts);
        assertThat(ts.toInstant()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(ts.epochSeconds()).isEqualTo(1_700_000_000L);
        assertThat(Timestamp.of(ts.toInstant())).isEqualTo(ts);
    }

    @Test
    void crockfordFormHasThirteenCharactersAndRoundTrips() {
        Timestamp parsed = Timestamp.parse("0032C29SSF87E");
        assertThat(parsed.toString()).isEqualTo("0032C29SSF87E");
        assertThat(Timestamp.parse("0032c29ssf87e")).isEqualTo(parsed);
        Timestamp ts = new Timestamp(1_795_504_032_903_006L);
        assertThat(ts.toString()).hasSize(13);
        assertThat(Timestamp.parse(ts.toString())).isEqualTo(ts);
    }

    @Test
    void malformedFormsAreRefused() {
        assertThatThrownBy(() -> Timestamp.parse("0032C29SSF87")).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> Timestamp.parse("0032C29SSF87U")).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> Timestamp.fromBytes(new byte[7], 0)).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> new Timestamp(-1)).isInstanceOf(PubkyException.class);
        byte[] top = new byte[8];
        top[0] = (byte) 0x80;
        assertThatThrownBy(() -> Timestamp.fromBytes(top, 0)).isInstanceOf(PubkyException.class);
    }

    @Test
    void clockIsStrictlyMonotonicEvenWhenTheWallClockStandsStill() {
        TimestampClock clock = new TimestampClock(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC), 0x2a);
        Timestamp first = clock.now();
        assertThat(first.micros() & 0xff).isEqualTo(0x2a);
        Timestamp previous = first;
        for (int i = 0; i < 1000; i++) {
            Timestamp next = clock.now();
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
    }

    @Test
    void clockHandsOutUniqueValuesAcrossThreads() {
        TimestampClock clock = TimestampClock.system();
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 20_000).parallel().forEach(i -> seen.add(clock.now().micros()));
        assertThat(seen).hasSize(20_000);
        Set<Long> copy = new HashSet<>(seen);
        assertThat(copy).allSatisfy(v -> assertThat(v).isPositive());
    }
}
