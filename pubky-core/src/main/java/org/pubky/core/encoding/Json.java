package org.pubky.core.encoding;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * A small strict JSON codec for the protocol's flat documents (JWS headers and claims, grant
 * requests, the homeserver's small responses). Written here rather than taken from a library so
 * that pubky-core keeps its few dependencies and so that the output matches {@code serde_json}
 * byte-for-byte (see {@link JsonWriter}).
 *
 * <p>Parsed values are: {@code Map<String, Object>} (insertion-ordered, unmodifiable) for objects,
 * {@code List<Object>} (unmodifiable) for arrays, {@link String}, {@link Long} for integers that
 * fit, {@link java.math.BigInteger} for larger ones, {@link java.math.BigDecimal} for fractions
 * and exponents, {@link Boolean}, and {@code null}. Parsing is strict and bounded (see
 * {@link JsonReader}); every failure is a {@link PubkyException}. Thread-safe.
 */
public final class Json {
    /** Default limit on nested objects and arrays. */
    public static final int DEFAULT_MAX_DEPTH = 32;
    /** Default limit on the input length, in characters (or bytes for UTF-8 input). */
    public static final int DEFAULT_MAX_LENGTH = 1 << 20;

    private Json() {
    }

    /**
     * Parses one JSON document with the default limits.
     *
     * @throws PubkyException {@link ErrorCode#MALFORMED_INPUT} if it is not valid JSON
     */
    public static Object parse(String text) {
        return parse(text, DEFAULT_MAX_LENGTH, DEFAULT_MAX_DEPTH, ErrorCode.MALFORMED_INPUT);
    }

    /** Parses strict UTF-8 JSON with the default limits. */
    public static Object parse(byte[] utf8) {
        return parse(utf8, DEFAULT_MAX_LENGTH, DEFAULT_MAX_DEPTH, ErrorCode.MALFORMED_INPUT);
    }

    /** Parses with explicit limits, failing with {@code code}. */
    public static Object parse(String text, int maxLength, int maxDepth, ErrorCode code) {
        requireNonNull(text, "text is null");
        requireNonNull(code, "code is null");
        if (text.length() > maxLength) {
            throw new PubkyException(code, "JSON document longer than " + maxLength + " characters");
        }
        return new JsonReader(text, maxDepth, code).readDocument();
    }

    /** Parses UTF-8 with explicit limits, failing with {@code code}. */
    public static Object parse(byte[] utf8, int maxLength, int maxDepth, ErrorCode code) {
        requireNonNull(utf8, "utf8 is null");
        requireNonNull(code, "code is null");
        if (utf8.length > maxLength) {
            throw new PubkyException(code, "JSON document longer than " + maxLength + " bytes");
        }
        String text = PostcardReader.decodeUtf8(utf8, 0, utf8.length, code);
        return new JsonReader(text, maxDepth, code).readDocument();
    }

    /**
     * Writes a value built from the types {@link #parse} returns (maps with string keys, lists,
     * strings, integral numbers, {@link java.math.BigDecimal}, booleans, null), compactly and in
     * iteration order.
     *
     * @throws IllegalArgumentException for any other type
     */
    public static String write(Object value) {
        JsonWriter writer = new JsonWriter();
        write(writer, value);
        return writer.toString();
    }

    private static void write(JsonWriter writer, Object value) {
        if (value == null) {
            writer.nullValue();
        } else if (value instanceof String s) {
            writer.value(s);
        } else if (value instanceof Number n) {
            writer.value(n);
        } else if (value instanceof Boolean b) {
            writer.value(b.booleanValue());
        } else if (value instanceof Map<?, ?> map) {
            writer.beginObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("object keys must be strings");
                }
                writer.name(key);
                write(writer, e.getValue());
            }
            writer.endObject();
        } else if (value instanceof List<?> list) {
            writer.beginArray();
            for (Object item : list) {
                write(writer, item);
            }
            writer.endArray();
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }
}
