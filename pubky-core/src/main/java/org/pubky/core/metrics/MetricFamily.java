package org.pubky.core.metrics;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One named metric and its series, one per combination of label values. Series are created on
 * first use; at most {@link #MAX_SERIES} exist, later new combinations are not recorded (a guard
 * against a label fed unbounded values by mistake). Thread-safe.
 *
 * @param <S> the series type
 */
public abstract class MetricFamily<S> {
    /** Series cap per family. */
    public static final int MAX_SERIES = 2000;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final Map<List<String>, S> series = new ConcurrentHashMap<>();

    MetricFamily(String name, String help, String... labelNames) {
        this.name = requireNonNull(name, "name is null");
        this.help = requireNonNull(help, "help is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid metric name " + name);
        }
        for (String label : labelNames) {
            if (!LABEL.matcher(label).matches() || label.startsWith("__")) {
                throw new IllegalArgumentException("invalid label name " + label);
            }
        }
        this.labelNames = List.of(labelNames);
    }

    public String name() {
        return name;
    }

    public String help() {
        return help;
    }

    public List<String> labelNames() {
        return labelNames;
    }

    /** The series for these label values (in {@link #labelNames()} order), or null past the cap. */
    final S series(String[] labelValues, Supplier<S> factory) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " takes " + labelNames.size() + " label values, got "
                    + labelValues.length);
        }
        List<String> key = Arrays.asList(labelValues.clone());
        S existing = series.get(key);
        if (existing != null) {
            return existing;
        }
        if (series.size() >= MAX_SERIES) {
            return null;
        }
        for (String value : labelValues) {
            requireNonNull(value, "label value is null");
        }
        return series.computeIfAbsent(List.copyOf(key), k -> factory.get());
    }

    /** The current series, for exposition. */
    final Map<List<String>, S> allSeries() {
        return series;
    }

    /** Writes the samples of this family (HELP and TYPE are written by the caller). */
    abstract void writeSamples(PrometheusText out);

    /** The Prometheus type word. */
    abstract String type();

    /** The name written on the TYPE line (counters add {@code _total}). */
    String exposedName() {
        return name;
    }
}
