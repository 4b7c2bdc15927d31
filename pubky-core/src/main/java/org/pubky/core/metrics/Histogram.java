package org.pubky.core.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Observations counted into fixed buckets, exposed as {@code _bucket} (cumulative, with
 * {@code le}), {@code _sum} and {@code _count}. Thread-safe, lock-free; a scrape concurrent with
 * observations may see a bucket a moment ahead of the sum, never a {@code _count} that disagrees
 * with the {@code +Inf} bucket.
 */
public final class Histogram extends MetricFamily<Histogram.Series> {
    /** OpenTelemetry's default boundaries, used by the reference for its millisecond histograms. */
    public static final double[] OTEL_DEFAULT_BUCKETS =
            {0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000};
    /** Prometheus' default boundaries, for latencies in seconds. */
    public static final double[] SECONDS_BUCKETS =
            {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final double[] bounds;

    Histogram(String name, String help, double[] bounds, String... labelNames) {
        super(name, help, labelNames);
        if (labelNames().contains("le")) {
            throw new IllegalArgumentException("le is reserved for histograms");
        }
        this.bounds = bounds.clone();
        for (int i = 1; i < this.bounds.length; i++) {
            if (!(this.bounds[i] > this.bounds[i - 1])) {
                throw new IllegalArgumentException("bucket bounds must increase");
            }
        }
    }

    /** Records one observation in the series with these label values. */
    public void observe(double value, String... labelValues) {
        Series s = series(labelValues, () -> new Series(bounds.length));
        if (s != null) {
            int i = 0;
            while (i < bounds.length && value > bounds[i]) {
                i++;
            }
            s.buckets[i].increment();
            s.sum.add(value);
        }
    }

    /** How many observations one series holds. */
    public long count(String... labelValues) {
        Series s = allSeries().get(List.of(labelValues));
        return s == null ? 0 : Arrays.stream(s.buckets).mapToLong(LongAdder::sum).sum();
    }

    @Override
    String type() {
        return "histogram";
    }

    @Override
    void writeSamples(PrometheusText out) {
        for (Map.Entry<List<String>, Series> e : allSeries().entrySet()) {
            Series s = e.getValue();
            long cumulative = 0;
            for (int i = 0; i <= bounds.length; i++) {
                cumulative += s.buckets[i].sum();
                String le = i < bounds.length ? PrometheusText.number(bounds[i]) : "+Inf";
                out.sample(name() + "_bucket", labelNames(), e.getKey(), "le", le, cumulative);
            }
            out.sample(name() + "_sum", labelNames(), e.getKey(), null, null, s.sum.sum());
            out.sample(name() + "_count", labelNames(), e.getKey(), null, null, cumulative);
        }
    }

    /** One label combination's buckets (the last one is {@code +Inf}). */
    static final class Series {
        final LongAdder[] buckets;
        final DoubleAdder sum = new DoubleAdder();

        Series(int bounds) {
            buckets = new LongAdder[bounds + 1];
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }
    }
}
