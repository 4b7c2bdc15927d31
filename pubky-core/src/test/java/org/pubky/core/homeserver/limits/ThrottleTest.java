package org.pubky.core.homeserver.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

final class ThrottleTest {
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aThrottledStreamDeliversEveryByteAtTheRate() throws Exception {
        Throttle throttle = new Throttle(32 * 1024, 8 * 1024); // 32 KiB/s, 8 KiB burst
        byte[] data = new byte[40 * 1024];
        long start = System.nanoTime();
        try (InputStream in = new ThrottledInputStream(new ByteArrayInputStream(data), throttle)) {
            assertThat(in.readAllBytes()).hasSize(data.length);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // 8 KiB pass at once, the other 32 KiB need about one second
        assertThat(seconds).isGreaterThan(0.8);
    }
}
