package org.pubky.core.homeserver.quota;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pubky.core.encoding.Json;
import org.pubky.core.encoding.JsonWriter;
import org.pubky.core.path.StoragePath;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.QuotaOverrides;

/**
 * The JSON form of per-user limits, shared by the admin quota routes and signup-token templates.
 *
 * <p>Fields: {@code storage_quota_mb} (integer MiB or {@code "unlimited"}), {@code rate_read} and
 * {@code rate_write} ({@code "<n><kb|mb|gb>/<s|m|h|d>"} or {@code "unlimited"}),
 * {@code rate_read_burst} and {@code rate_write_burst} (1 … 2147483647, in the rate's unit),
 * {@code allowed_write_paths} (array of canonical paths). On input an absent field or
 * {@code null} is the homeserver default (a patch reads absent as "keep"); unknown fields are
 * ignored. On output fields at their default are omitted, so an all-default quota is {@code {}}.
 *
 * <p>Errors mirror the reference: invalid JSON syntax is {@link ErrorCode#MALFORMED_INPUT} (400),
 * a well-formed document with a wrong type or value is {@link ErrorCode#UNPROCESSABLE_CONTENT}
 * (422). Stateless and thread-safe.
 */
public final class QuotaJson {
    /** The word that lifts a limit for one user. */
    public static final String UNLIMITED = "unlimited";

    static final String STORAGE = "storage_quota_mb";
    static final String RATE_READ = "rate_read";
    static final String RATE_WRITE = "rate_write";
    static final String RATE_READ_BURST = "rate_read_burst";
    static final String RATE_WRITE_BURST = "rate_write_burst";
    static final String ALLOWED_WRITE_PATHS = "allowed_write_paths";

    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_DEPTH = 4;
    private static final long MAX_U32 = 0xFFFF_FFFFL;
    private static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final Pattern RATE = Pattern.compile("([0-9]+)([a-zA-Z]*)/(.*)", Pattern.DOTALL);

    private QuotaJson() {
    }

    /**
     * A complete quota (signup-token template, {@code POST /generate_signup_token}): absent and
     * {@code null} fields are defaults. The result passes {@link QuotaRules#validate}.
     */
    public static QuotaOverrides parseQuota(byte[] utf8) {
        Map<String, Object> fields = object(utf8);
        QuotaOverrides quota = new QuotaOverrides(
                storage(fields.get(STORAGE)),
                rate(RATE_READ, fields.get(RATE_READ)),
                rate(RATE_WRITE, fields.get(RATE_WRITE)),
                burst(RATE_READ_BURST, fields.get(RATE_READ_BURST)),
                burst(RATE_WRITE_BURST, fields.get(RATE_WRITE_BURST)),
                paths(fields.get(ALLOWED_WRITE_PATHS)));
        return QuotaRules.validate(quota);
    }

    /**
     * A partial change ({@code PATCH /users/{key}/quota}): absent = keep, {@code null} = default.
     * Each present field is checked on its own here; rules across fields (a burst needs a rate)
     * are checked by {@link QuotaRules#validate} on the merged result.
     */
    public static QuotaPatch parsePatch(byte[] utf8) {
        Map<String, Object> f = object(utf8);
        QuotaPatch patch = new QuotaPatch(
                f.containsKey(STORAGE) ? Optional.of(storage(f.get(STORAGE))) : Optional.empty(),
                f.containsKey(RATE_READ) ? Optional.of(rate(RATE_READ, f.get(RATE_READ))) : Optional.empty(),
                f.containsKey(RATE_WRITE) ? Optional.of(rate(RATE_WRITE, f.get(RATE_WRITE))) : Optional.empty(),
                f.containsKey(RATE_READ_BURST) ? Optional.of(burst(RATE_READ_BURST, f.get(RATE_READ_BURST))) : Optional.empty(),
                f.containsKey(RATE_WRITE_BURST) ? Optional.of(burst(RATE_WRITE_BURST, f.get(RATE_WRITE_BURST))) : Optional.empty(),
                f.containsKey(ALLOWED_WRITE_PATHS) ? Optional.of(paths(f.get(ALLOWED_WRITE_PATHS))) : Optional.empty());
        patch.rateRead().ifPresent(r -> QuotaRules.rate(RATE_READ, r));
        patch.rateWrite().ifPresent(r -> QuotaRules.rate(RATE_WRITE, r));
        patch.allowedWritePaths().ifPresent(p -> p.ifPresent(QuotaRules::allowedWritePaths));
        return patch;
    }

    /** The overrides as JSON, fields at their default omitted. */
    public static String write(QuotaOverrides quota) {
        JsonWriter writer = new JsonWriter();
        write(writer, quota);
        return writer.toString();
    }

    /** Writes the overrides as one JSON object value. */
    public static void write(JsonWriter w, QuotaOverrides q) {
        w.beginObject();
        if (q.storageQuotaMb().isPresent()) {
            storageValue(w.name(STORAGE), q.storageQuotaMb().getAsLong());
        }
        q.rateRead().ifPresent(r -> w.name(RATE_READ).value(r));
        q.rateWrite().ifPresent(r -> w.name(RATE_WRITE).value(r));
        writeTail(w, q);
        w.endObject();
    }

    /**
     * Writes the limits that apply to a user: overrides where set, else the defaults, else
     * {@code "unlimited"}. Storage and both rates are always present.
     */
    public static void writeEffective(JsonWriter w, QuotaOverrides q, QuotaDefaults defaults) {
        w.beginObject();
        long storage = q.storageQuotaMb().isPresent() ? q.storageQuotaMb().getAsLong()
                : defaults.storageMb().orElse(QuotaOverrides.UNLIMITED);
        storageValue(w.name(STORAGE), storage);
        w.name(RATE_READ).value(q.rateRead().orElse(defaults.rateRead().map(BandwidthRate::toString).orElse(UNLIMITED)));
        w.name(RATE_WRITE).value(q.rateWrite().orElse(defaults.rateWrite().map(BandwidthRate::toString).orElse(UNLIMITED)));
        writeTail(w, q);
        w.endObject();
    }

    private static void writeTail(JsonWriter w, QuotaOverrides q) {
        q.rateReadBurst().ifPresent(b -> w.name(RATE_READ_BURST).value(b));
        q.rateWriteBurst().ifPresent(b -> w.name(RATE_WRITE_BURST).value(b));
        q.allowedWritePaths().ifPresent(paths -> {
            w.name(ALLOWED_WRITE_PATHS).beginArray();
            paths.forEach(w::value);
            w.endArray();
        });
    }

    private static void storageValue(JsonWriter w, long megabytes) {
        if (megabytes == QuotaOverrides.UNLIMITED) {
            w.value(UNLIMITED);
        } else {
            w.value(megabytes);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(byte[] utf8) {
        Object parsed;
        try {
            parsed = Json.parse(utf8, MAX_BODY, MAX_DEPTH, ErrorCode.MALFORMED_INPUT);
        } catch (PubkyException e) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "Failed to parse the request body as JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?>)) {
            throw data("the body must be a JSON object");
        }
        return (Map<String, Object>) parsed;
    }

    private static OptionalLong storage(Object value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        if (UNLIMITED.equals(value)) {
            return OptionalLong.of(QuotaOverrides.UNLIMITED);
        }
        // values above the reference's 32-bit column are stored as its maximum, as there
        if (value instanceof Long l && l >= 0) {
            return OptionalLong.of(Math.min(l, Integer.MAX_VALUE));
        }
        if (value instanceof BigInteger b && b.signum() >= 0 && b.compareTo(MAX_U64) <= 0) {
            return OptionalLong.of(Integer.MAX_VALUE);
        }
        throw data(STORAGE + ": expected a non-negative integer or \"unlimited\", got " + describe(value));
    }

    private static Optional<String> rate(String label, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw data(label + ": expected a rate string such as \"10mb/s\" or \"unlimited\", got " + describe(value));
        }
        if (text.equals(UNLIMITED)) {
            return Optional.of(UNLIMITED);
        }
        return Optional.of(parseRate(label, text).toString());
    }

    /** The reference's bandwidth grammar: digits, a size unit and a time unit, case-insensitive. */
    static BandwidthRate parseRate(String label, String text) {
        Matcher m = RATE.matcher(text);
        if (text.chars().filter(c -> c == '/').count() != 1) {
            throw data(label + ": Invalid bandwidth rate format: '" + text + "', expected {rate}{unit}/{time}");
        }
        if (!m.matches()) {
            throw data(label + ": Missing rate value in '" + text.substring(0, text.indexOf('/')) + "'");
        }
        BigInteger amount = new BigInteger(m.group(1));
        if (amount.signum() == 0 || amount.compareTo(BigInteger.valueOf(MAX_U32)) > 0) {
            throw data(label + ": Failed to parse rate from '" + m.group(1) + "'");
        }
        String period = m.group(3).toLowerCase(Locale.ROOT);
        if (period.length() != 1 || "smhd".indexOf(period.charAt(0)) < 0) {
            throw data(label + ": Invalid time unit: " + m.group(3));
        }
        BandwidthRate.SizeUnit unit;
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "kb" -> unit = BandwidthRate.SizeUnit.KB;
            case "mb" -> unit = BandwidthRate.SizeUnit.MB;
            case "gb" -> unit = BandwidthRate.SizeUnit.GB;
            default -> throw data(label + ": BandwidthQuota does not accept '" + m.group(2)
                    + "' as a unit. Use a bandwidth unit (kb, mb, gb), e.g. \"10mb/s\".");
        }
        return new BandwidthRate(amount.longValue(), unit, BandwidthRate.TimeUnitLetter.of(period.charAt(0)));
    }

    private static OptionalInt burst(String label, Object value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        if (value instanceof Long l && l == 0) {
            throw data(label + ": invalid value: integer `0`, expected a nonzero u32 (a burst of zero is not allowed)");
        }
        if (value instanceof Long l && l > 0 && l <= MAX_U32) {
            if (l > QuotaRules.MAX_BURST) {
                throw QuotaRules.unprocessable(label + " value " + l + " exceeds maximum (" + QuotaRules.MAX_BURST + ")");
            }
            return OptionalInt.of(l.intValue());
        }
        throw data(label + ": expected an integer from 1 to " + QuotaRules.MAX_BURST + ", got " + describe(value));
    }

    private static Optional<List<String>> paths(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list)) {
            throw data(ALLOWED_WRITE_PATHS + ": expected an array of paths, got " + describe(value));
        }
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text)) {
                throw data(ALLOWED_WRITE_PATHS + "[" + i + "]: expected a path string, got " + describe(list.get(i)));
            }
            try {
                out.add(StoragePath.parse(text).value());
            } catch (PubkyException e) {
                throw data(ALLOWED_WRITE_PATHS + "[" + i + "]: " + e.getMessage());
            }
        }
        return Optional.of(List.copyOf(out));
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return "the number " + value;
    }

    private static PubkyException data(String detail) {
        return QuotaRules.unprocessable("Failed to deserialize the JSON body into the target type: " + detail);
    }
}
