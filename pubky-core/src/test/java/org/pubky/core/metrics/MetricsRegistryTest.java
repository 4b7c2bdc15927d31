package org.pubky.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The registry and its Prometheus text output. */
@Timeout(30)
final class MetricsRegistryTest {
    @Test
    void countersGaugesAndHistogramsAreWrittenInTheTextFormat() {
        MetricsRegistry registry = new MetricsRegistry(Map.of("otel_scope_name", "pubky_homeserver"));
        Counter signups = registry.counter("signup_count", "Total number of successful signups");
        Gauge open = registry.gauge("event_stream_active_connections", "Open streams");
        Histogram latency = registry.histogram("x_ms", "Latency", new double[] {10, 100}, "route");
        registry.gaugeFunction("pubky_users", "Users", () -> 3);
        signups.inc();
        signups.inc();
        open.inc();
        open.inc();
        open.dec();
        latency.observe(5, "/a");
        latency.observe(10, "/a");
        latency.observe(50.5, "/a");
        latency.observe(1000, "/a");

        assertThat(registry.scrape()).isEqualTo(String.join("\n",
                "# HELP signup_count_total Total number of successful signups",
                "# TYPE signup_count_total counter",
                "signup_count_total{otel_scope_name=\"pubky_homeserver\"} 2",
                "# HELP event_stream_active_connections Open streams",
                "# TYPE event_stream_active_connections gauge",
                "event_stream_active_connections{otel_scope_name=\"pubky_homeserver\"} 1",
                "# HELP x_ms Latency",
                "# TYPE x_ms histogram",
                "x_ms_bucket{otel_scope_name=\"pubky_homeserver\",route=\"/a\",le=\"10\"} 2",
                "x_ms_bucket{otel_scope_name=\"pubky_homeserver\",route=\"/a\",le=\"100\"} 3",
                "x_ms_bucket{otel_scope_name=\"pubky_homeserver\",route=\"/a\",le=\"+Inf\"} 4",
                "x_ms_sum{otel_scope_name=\"pubky_homeserver\",route=\"/a\"} 1065.5",
                "x_ms_count{otel_scope_name=\"pubky_homeserver\",route=\"/a\"} 4",
                "# HELP pubky_users Users",
                "# TYPE pubky_users gauge",
                "pubky_users{otel_scope_name=\"pubky_homeserver\"} 3",
                ""));
    }

    @Test
    void labelValuesAndHelpAreEscapedAndUnusedFamiliesOmitted() {
        MetricsRegistry registry = new MetricsRegistry(Map.of());
        registry.counter("never_used", "not shown");
        registry.counter("c", "a \\ b\nc", "l").inc("quote\" back\\ nl\n");
        registry.gaugeFunction("broken", "throws", () -> {
            throw new IllegalStateException("store closed");
        });
        assertThat(registry.scrape()).isEqualTo("# HELP c_total a \\\\ b\\nc\n# TYPE c_total counter\n"
                + "c_total{l=\"quote\\\" back\\\\ nl\\n\"} 1\n");
    }

    @Test
    void registrationIsIdempotentPerKindAndNamesAreChecked() {
        MetricsRegistry registry = new MetricsRegistry(Map.of());
        Counter a = registry.counter("requests", "h", "route");
        assertThat(registry.counter("requests", "h", "route")).isSameAs(a);
        assertThatThrownBy(() -> registry.gauge("requests", "h", "route")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.counter("bad-name", "h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.counter("ok", "h", "__reserved")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.inc()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.add(-1, "/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seriesAreCappedAgainstUnboundedLabels() {
        Counter c = new MetricsRegistry(Map.of()).counter("c", "h", "v");
        for (int i = 0; i < MetricFamily.MAX_SERIES + 50; i++) {
            c.inc(Integer.toString(i));
        }
        assertThat(c.allSeries()).hasSize(MetricFamily.MAX_SERIES);
        assertThat(c.value("0")).isEqualTo(1);
    }

    @Test
    void concurrentUpdatesAreAllCounted() throws Exception {
        MetricsRegistry registry = new MetricsRegistry(Map.of());
        Counter c = registry.counter("c", "h", "k");
        Histogram h = registry.histogram("h", "h", Histogram.SECONDS_BUCKETS, "k");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    c.inc(i % 2 == 0 ? "a" : "b");
                    h.observe(0.001 * (i % 100), "a");
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        assertThat(c.value("a") + c.value("b")).isEqualTo(40_000);
        assertThat(h.count("a")).isEqualTo(40_000);
    }
}
