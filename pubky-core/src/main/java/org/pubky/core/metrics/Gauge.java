package org.pubky.core.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A value that goes up and down (open connections, say). Thread-safe, lock-free. */
public final class Gauge extends MetricFamily<AtomicLong> {
    Gauge(String name, String help, String... labelNames) {
        super(name, help, labelNames);
    }

    public void inc(String... labelValues) {
        add(1, labelValues);
    }

    public void dec(String... labelValues) {
        add(-1, labelValues);
    }

    public void add(long delta, String... labelValues) {
        AtomicLong value = series(labelValues, AtomicLong::new);
        if (value != null) {
            value.addAndGet(delta);
        }
    }

    public void set(long newValue, String... labelValues) {
        AtomicLong value = series(labelValues, AtomicLong::new);
        if (value != null) {
            value.set(newValue);
        }
    }

    /** The current value of one series (0 if it was never touched). */
    public long value(String... labelValues) {
        AtomicLong value = allSeries().get(List.of(labelValues));
        return value == null ? 0 : value.get();
    }

    @Override
    String type() {
        return "gauge";
    }

    @Override
    void writeSamples(PrometheusText out) {
        for (Map.Entry<List<String>, AtomicLong> e : allSeries().entrySet()) {
            out.sample(name(), labelNames(), e.getKey(), null, null, e.getValue().get());
        }
    }
}
