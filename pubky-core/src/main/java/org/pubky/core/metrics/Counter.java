package org.pubky.core.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** A monotonically increasing count, exposed as {@code <name>_total}. Thread-safe, lock-free. */
public final class Counter extends MetricFamily<LongAdder> {
    Counter(String name, String help, String... labelNames) {
        super(name, help, labelNames);
    }

    /** Adds one to the series with these label values. */
    public void inc(String... labelValues) {
        add(1, labelValues);
    }

    /** Adds {@code amount} (≥ 0) to the series with these label values. */
    public void add(long amount, String... labelValues) {
        if (amount < 0) {
            throw new IllegalArgumentException("a counter only goes up");
        }
        LongAdder adder = series(labelValues, LongAdder::new);
        if (adder != null) {
            adder.add(amount);
        }
    }

    /** The current value of one series (0 if it was never touched). */
    public long value(String... labelValues) {
        LongAdder adder = allSeries().get(List.of(labelValues));
        return adder == null ? 0 : adder.sum();
    }

    @Override
    String type() {
        return "counter";
    }

    @Override
    String exposedName() {
        return name() + "_total";
    }

    @Override
    void writeSamples(PrometheusText out) {
        for (Map.Entry<List<String>, LongAdder> e : allSeries().entrySet()) {
            out.sample(exposedName(), labelNames(), e.getKey(), null, null, e.getValue().sum());
        }
    }
}
