package org.pubky.core.metrics;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics of one runtime. Families are registered once (a second registration of a name
 * returns the first if it is of the same kind) and exposed in registration order. Every sample
 * carries the registry's constant labels first.
 *
 * <p>Thread-safe. No static state: each homeserver has its own registry.
 */
public final class MetricsRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsRegistry.class);

    private final Map<String, String> constantLabels;
    private final List<Object> families = new CopyOnWriteArrayList<>();

    /** @param constantLabels labels added to every sample, in this order */
    public MetricsRegistry(Map<String, String> constantLabels) {
        this.constantLabels = new LinkedHashMap<>(requireNonNull(constantLabels, "constantLabels is null"));
    }

    public Counter counter(String name, String help, String... labelNames) {
        return register(new Counter(name, help, labelNames), Counter.class);
    }

    public Gauge gauge(String name, String help, String... labelNames) {
        return register(new Gauge(name, help, labelNames), Gauge.class);
    }

    public Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
        return register(new Histogram(name, help, buckets, labelNames), Histogram.class);
    }

    /**
     * A gauge read at scrape time. A supplier that throws is skipped for that scrape (logged at
     * debug), so one failing source never breaks the whole exposition.
     */
    public void gaugeFunction(String name, String help, DoubleSupplier supplier) {
        requireNonNull(supplier, "supplier is null");
        register(new FunctionGauge(name, help, supplier), FunctionGauge.class);
    }

    /** The whole exposition in Prometheus text format. */
    public String scrape() {
        StringBuilder out = new StringBuilder(4096);
        PrometheusText text = new PrometheusText(out, constantLabels);
        for (Object f : families) {
            if (f instanceof FunctionGauge g) {
                double value;
                try {
                    value = g.supplier.getAsDouble();
                } catch (RuntimeException e) {
                    LOG.debug("metric {} could not be read", g.name(), e);
                    continue;
                }
                text.header(g.name(), g.help(), g.type());
                text.sample(g.name(), List.of(), List.of(), null, null, value);
            } else {
                MetricFamily<?> family = (MetricFamily<?>) f;
                if (family.allSeries().isEmpty()) {
                    continue;
                }
                text.header(family.exposedName(), family.help(), family.type());
                family.writeSamples(text);
            }
        }
        return out.toString();
    }

    private synchronized <T extends MetricFamily<?>> T register(T family, Class<T> kind) {
        for (Object existing : families) {
            MetricFamily<?> f = (MetricFamily<?>) existing;
            if (f.name().equals(family.name())) {
                if (kind.isInstance(f) && f.labelNames().equals(family.labelNames())) {
                    return kind.cast(f);
                }
                throw new IllegalArgumentException("metric " + family.name() + " is already registered differently");
            }
        }
        families.add(family);
        return family;
    }

    /** A gauge whose value comes from a supplier at scrape time. */
    private static final class FunctionGauge extends MetricFamily<Object> {
        final DoubleSupplier supplier;

        FunctionGauge(String name, String help, DoubleSupplier supplier) {
            super(name, help);
            this.supplier = supplier;
        }

        @Override
        String type() {
            return "gauge";
        }

        @Override
        void writeSamples(PrometheusText out) {
            // written by MetricsRegistry.scrape, which handles a failing supplier
        }
    }
}
