package org.pubky.core.metrics;

import java.util.List;
import java.util.Map;

/**
 * Writes the Prometheus text exposition format, version 0.0.4: {@code # HELP} and {@code # TYPE}
 * lines, then one line per sample; label values escape {@code \}, {@code "} and newlines. Not
 * thread-safe: one instance per scrape.
 */
public final class PrometheusText {
    /** The media type of the output. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out;
    private final Map<String, String> constantLabels;

    PrometheusText(StringBuilder out, Map<String, String> constantLabels) {
        this.out = out;
        this.constantLabels = constantLabels;
    }

    void header(String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ');
        for (int i = 0; i < help.length(); i++) {
            char c = help.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        out.append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    void sample(String name, List<String> labelNames, List<String> labelValues, String extraName, String extraValue,
            long value) {
        labels(name, labelNames, labelValues, extraName, extraValue);
        out.append(value).append('\n');
    }

    void sample(String name, List<String> labelNames, List<String> labelValues, String extraName, String extraValue,
            double value) {
        labels(name, labelNames, labelValues, extraName, extraValue);
        out.append(number(value)).append('\n');
    }

    private void labels(String name, List<String> labelNames, List<String> labelValues, String extraName,
            String extraValue) {
        out.append(name);
        if (constantLabels.isEmpty() && labelNames.isEmpty() && extraName == null) {
            out.append(' ');
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> c : constantLabels.entrySet()) {
            first = label(first, c.getKey(), c.getValue());
        }
        for (int i = 0; i < labelNames.size(); i++) {
            first = label(first, labelNames.get(i), labelValues.get(i));
        }
        if (extraName != null) {
            label(first, extraName, extraValue);
        }
        out.append("} ");
    }

    private boolean label(boolean first, String name, String value) {
        if (!first) {
            out.append(',');
        }
        out.append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        out.append('"');
        return false;
    }

    /** A sample value or bucket bound: integral values without a fraction, {@code +Inf}, {@code NaN}. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
