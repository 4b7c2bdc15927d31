package org.pubky.core.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The flat configuration namespace of pubky-java ({@code pubky.signup.mode=open},
 * {@code pubky.storage.metadata=lmdb}, …), immutable once built.
 *
 * <p>Every runtime shape reads the same keys; sources are layered, later ones winning: built-in
 * defaults, a properties file, servlet context parameters or JNDI entries (WAR), system
 * properties, {@code PUBKY_*} environment variables ({@code PUBKY_SIGNUP_MODE} is
 * {@code pubky.signup.mode}; {@code __} stands for {@code -}) and finally explicit builder calls.
 * Keys are listed in {@code docs/configuration.md}.
 *
 * <p>{@link #toString()} masks every key that names a secret.
 */
public final class PubkyConfig {
    private static final Set<String> SECRET_WORDS = Set.of("password", "secret", "token", "api-key", "macaroon", "key");

    private final Map<String, String> values;

    private PubkyConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** An empty configuration. */
    public static PubkyConfig empty() {
        return new PubkyConfig(Map.of());
    }

    /** A configuration holding exactly {@code values}. */
    public static PubkyConfig of(Map<String, String> values) {
        return new PubkyConfig(values);
    }

    /** A builder for layering sources. */
    public static Builder builder() {
        return new Builder();
    }

    /** The raw value of a key. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The value of a key or {@code fallback}. */
    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /** An integer value, with a clear error naming the key if it is not one. */
    public int getInt(String key, int fallback) {
        return get(key).map(v -> parse(key, v, Integer::parseInt)).orElse(fallback);
    }

    /** A long value. */
    public long getLong(String key, long fallback) {
        return get(key).map(v -> parse(key, v, Long::parseLong)).orElse(fallback);
    }

    /** A boolean value: {@code true/false/yes/no/1/0}. */
    public boolean getBoolean(String key, boolean fallback) {
        return get(key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw bad(key, "expected true or false");
        }).orElse(fallback);
    }

    /** A duration in ISO-8601 ({@code PT5M}) or as a number with unit {@code ms|s|m|h|d}. */
    public Duration getDuration(String key, Duration fallback) {
        return get(key).map(v -> parseDuration(key, v)).orElse(fallback);
    }

    /** Every key under {@code prefix} (which should end with a dot), with the prefix removed. */
    public Map<String, String> subset(String prefix) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** All keys and values; callers must not log this (use {@link #toString()}). */
    public Map<String, String> asMap() {
        return values;
    }

    /** A copy with {@code overrides} laid over this configuration. */
    public PubkyConfig with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(values);
        merged.putAll(overrides);
        return new PubkyConfig(merged);
    }

    /** True if the key names a secret (its value is masked in output). */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.endsWith(word) || lower.contains(word + ".") || lower.contains("." + word)) {
                return !lower.endsWith(".public-key");
            }
        }
        return false;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("PubkyConfig{");
        values.forEach((k, v) -> out.append(k).append('=').append(isSecret(k) ? "****" : v).append(", "));
        if (!values.isEmpty()) {
            out.setLength(out.length() - 2);
        }
        return out.append('}').toString();
    }

    private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw bad(key, "not a number: " + value);
        }
    }

    private static Duration parseDuration(String key, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(value);
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> Duration.ofSeconds(Long.parseLong(v));
            };
        } catch (RuntimeException e) {
            throw bad(key, "not a duration: " + value);
        }
    }

    private static PubkyException bad(String key, String why) {
        return new PubkyException(ErrorCode.MALFORMED_INPUT, "configuration key " + key + ": " + why);
    }

    /** Layers configuration sources; each call overrides what earlier calls set. */
    public static final class Builder {
        private final Map<String, String> values = new TreeMap<>();

        private Builder() {
        }

        /** Sets one key (null removes it). */
        public Builder put(String key, String value) {
            requireNonNull(key, "key is null");
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
            return this;
        }

        /** Adds every {@code pubky.*} entry of {@code map}. */
        public Builder putAll(Map<String, String> map) {
            map.forEach((k, v) -> {
                if (k.startsWith("pubky.")) {
                    put(k, v);
                }
            });
            return this;
        }

        /** Adds a properties file. */
        public Builder propertiesFile(Path file) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new PubkyException(ErrorCode.MALFORMED_INPUT, "cannot read configuration file " + file.getFileName(), e);
            }
            properties.stringPropertyNames().forEach(k -> put(k, properties.getProperty(k)));
            return this;
        }

        /** Adds the {@code pubky.*} system properties. */
        public Builder systemProperties(Properties properties) {
            properties.stringPropertyNames().stream().filter(k -> k.startsWith("pubky."))
                    .forEach(k -> put(k, properties.getProperty(k)));
            return this;
        }

        /**
         * Adds {@code PUBKY_*} environment variables: {@code PUBKY_SIGNUP_MODE} becomes
         * {@code pubky.signup.mode}, a double underscore becomes a dash
         * ({@code PUBKY_ADMIN_PASSWORD}, {@code PUBKY_STORAGE_JDBC_POOL__SIZE}).
         */
        public Builder environment(Map<String, String> env) {
            env.forEach((k, v) -> {
                if (k.startsWith("PUBKY_") && k.length() > 6) {
                    String key = "pubky." + k.substring(6).toLowerCase(Locale.ROOT).replace("__", "-").replace('_', '.');
                    put(key, v);
                }
            });
            return this;
        }

        public PubkyConfig build() {
            return new PubkyConfig(values);
        }
    }
}
