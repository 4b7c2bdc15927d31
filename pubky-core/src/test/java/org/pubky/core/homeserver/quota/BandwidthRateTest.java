package org.pubky.core.homeserver.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pubky.spi.PubkyException;

final class BandwidthRateTest {
    @Test
    void parsesEveryUnitAndRoundTrips() {
        for (String rate : new String[] {"100mb/m", "1gb/d", "500kb/s", "10mb/h", "999gb/d", "1kb/s", "1gb/s", "500mb/d"}) {
            assertThat(BandwidthRate.parse(rate).toString()).isEqualTo(rate);
        }
        assertThat(BandwidthRate.parse("1kb/s").bytesPerSecond()).isEqualTo(1024.0);
        assertThat(BandwidthRate.parse("60mb/m").bytesPerSecond()).isEqualTo(1024.0 * 1024);
    }

    @Test
    void refusesRequestUnitsAndGarbage() {
        assertThatThrownBy(() -> BandwidthRate.parse("100r/m")).isInstanceOf(PubkyException.class)
                .hasMessageContaining("does not accept");
        for (String bad : new String[] {"rubbish", "0mb/s", "10tb/s", "10mb/x", ""}) {
            assertThatThrownBy(() -> BandwidthRate.parse(bad)).as(bad).isInstanceOf(PubkyException.class);
        }
    }
}
