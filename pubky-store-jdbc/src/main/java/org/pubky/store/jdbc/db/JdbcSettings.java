package org.pubky.store.jdbc.db;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The configuration of a jdbc store, parsed from the provider's key namespace (see
 * {@code docs/storage-jdbc.md} for every key).
 *
 * @param url JDBC URL; when present the store creates its own connection pool, otherwise it uses
 *     the host's {@code javax.sql.DataSource}
 * @param user database user for the own pool
 * @param password database password for the own pool (sensitive)
 * @param poolSize maximum connections of the own pool
 * @param connectionTimeoutMillis how long the own pool waits for a free connection
 * @param schema the schema (PostgreSQL, H2) or database (MariaDB) holding the tables; empty uses
 *     the connection's current one
 * @param migrate whether to apply pending schema migrations at start; when false the store
 *     refuses to start on an outdated schema
 * @param notifyPollMillis interval of the cross-instance event poll on MariaDB and H2, 0 = off
 *     (empty = the dialect's default)
 * @param chunkSize bytes per stored blob chunk (blob store only)
 * @param poolProperties extra HikariCP properties ({@code hikari.*} keys, prefix removed)
 */
public record JdbcSettings(Optional<String> url, Optional<String> user, Optional<String> password, int poolSize,
        long connectionTimeoutMillis, Optional<String> schema, boolean migrate, Optional<Long> notifyPollMillis,
        int chunkSize, Map<String, String> poolProperties) {

    /** Keys whose values are secrets. */
    public static final Set<String> SENSITIVE_KEYS = Set.of("password");

    /** Every key this store understands, apart from {@code hikari.*}. */
    public static final Set<String> KEYS = Set.of("url", "user", "password", "pool-size", "connection-timeout",
            "schema", "migrate", "notify-poll-interval", "chunk-size");

    /**
     * Default bytes per blob chunk: 256 KiB. Below half of G1's smallest region (1 MiB), so chunk
     * buffers are ordinary young-generation garbage, never "humongous" objects allocated in the old
     * generation; small enough that many concurrent downloads hold little memory; large enough that
     * one query per chunk costs little; far below MariaDB's 16 MiB packet limit.
     */
    public static final int DEFAULT_CHUNK_SIZE = 256 << 10;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,47}");

    public JdbcSettings {
        poolProperties = Map.copyOf(poolProperties);
    }

    /**
     * Parses {@code config}.
     *
     * @throws PubkyException {@link ErrorCode#MALFORMED_INPUT} naming the bad key (never its value)
     */
    public static JdbcSettings parse(Map<String, String> config) {
        Map<String, String> pool = new HashMap<>();
        config.forEach((k, v) -> {
            if (k.startsWith("hikari.") && k.length() > 7) {
                pool.put(k.substring(7), v);
            }
        });
        Optional<String> schema = text(config, "schema");
        schema.ifPresent(s -> {
            if (!IDENTIFIER.matcher(s).matches()) {
                throw bad("schema", "must be a plain identifier of at most 48 letters, digits and '_'");
            }
        });
        int chunkSize = (int) number(config, "chunk-size", DEFAULT_CHUNK_SIZE, 4096, 16L << 20);
        Optional<Long> poll = config.containsKey("notify-poll-interval")
                ? Optional.of(number(config, "notify-poll-interval", 0, 0, 3_600_000))
                : Optional.empty();
        return new JdbcSettings(text(config, "url"), text(config, "user"), text(config, "password"),
                (int) number(config, "pool-size", 10, 1, 1000),
                number(config, "connection-timeout", 30_000, 250, 600_000),
                schema, bool(config, "migrate", true), poll, chunkSize, pool);
    }

    /** The keys of {@code config} this store does not know (for a warning). */
    public static Set<String> unknownKeys(Map<String, String> config) {
        Set<String> unknown = new TreeSet<>();
        for (String k : config.keySet()) {
            if (!KEYS.contains(k) && !k.startsWith("hikari.")) {
                unknown.add(k);
            }
        }
        return unknown;
    }

    private static Optional<String> text(Map<String, String> config, String key) {
        String v = config.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static long number(Map<String, String> config, String key, long def, long min, long max) {
        Optional<String> v = text(config, key);
        if (v.isEmpty()) {
            return def;
        }
        long n;
        try {
            n = Long.parseLong(v.get());
        } catch (NumberFormatException e) {
            throw bad(key, "must be a whole number");
        }
        if (n < min || n > max) {
            throw bad(key, "must be between " + min + " and " + max);
        }
        return n;
    }

    private static boolean bool(Map<String, String> config, String key, boolean def) {
        Optional<String> v = text(config, key);
        if (v.isEmpty()) {
            return def;
        }
        return switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(key, "must be true or false");
        };
    }

    private static PubkyException bad(String key, String why) {
        return new PubkyException(ErrorCode.MALFORMED_INPUT, "jdbc store setting '" + key + "' " + why);
    }

    /** The URL with the values of password-like parameters replaced, for logs. */
    public static String maskUrl(String url) {
        return url.replaceAll("(?i)(password|pwd|secret)=[^&;]*", "$1=***");
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + url.map(JdbcSettings::maskUrl).orElse("(DataSource)") + ", user=" + user.orElse("") + ", password="
                + (password.isPresent() ? "***" : "") + ", poolSize=" + poolSize + ", schema=" + schema.orElse("")
                + ", migrate=" + migrate + "]";
    }
}
