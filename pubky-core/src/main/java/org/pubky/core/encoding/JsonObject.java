package org.pubky.core.encoding;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Typed, checked access to a parsed JSON object, for decoding flat protocol documents (claims,
 * request bodies). Unknown members are ignored, as serde does by default; a missing member or one
 * of the wrong type fails with the {@link ErrorCode} given at construction and a message naming
 * the member. Immutable and thread-safe.
 */
public final class JsonObject {
    private final Map<String, Object> fields;
    private final ErrorCode code;
    private final String what;

    private JsonObject(Map<String, Object> fields, ErrorCode code, String what) {
        this.fields = fields;
        this.code = code;
        this.what = what;
    }

    /**
     * Wraps a parsed value that must be an object.
     *
     * @param what names the document in error messages, e.g. {@code "grant"}
     */
    @SuppressWarnings("unchecked")
    public static JsonObject of(Object parsed, ErrorCode code, String what) {
        requireNonNull(code, "code is null");
        requireNonNull(what, "what is null");
        if (!(parsed instanceof Map<?, ?>)) {
            throw new PubkyException(code, what + " must be a JSON object");
        }
        return new JsonObject((Map<String, Object>) parsed, code, what);
    }

    /** Parses UTF-8 JSON (default limits) that must be an object. */
    public static JsonObject parse(byte[] utf8, ErrorCode code, String what) {
        return of(Json.parse(utf8, Json.DEFAULT_MAX_LENGTH, Json.DEFAULT_MAX_DEPTH, code), code, what);
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** The raw members, in document order. */
    public Map<String, Object> fields() {
        return fields;
    }

    /** A required string member. */
    public String string(String name) {
        Object v = require(name);
        if (!(v instanceof String s)) {
            throw wrongType(name, "a string");
        }
        return s;
    }

    /** An optional string member; present but not a string (null included) is an error. */
    public Optional<String> optionalString(String name) {
        return fields.containsKey(name) ? Optional.of(string(name)) : Optional.empty();
    }

    /** A required integer member in {@code [0, Long.MAX_VALUE]}. */
    public long nonNegativeLong(String name) {
        Object v = require(name);
        if (!(v instanceof Long l) || l < 0) {
            throw wrongType(name, "a non-negative integer");
        }
        return l;
    }

    /** A required array member whose items are all strings. */
    public List<String> stringArray(String name) {
        Object v = require(name);
        if (!(v instanceof List<?> list)) {
            throw wrongType(name, "an array of strings");
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw wrongType(name, "an array of strings");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    /** A required object member. */
    public JsonObject object(String name) {
        Object v = require(name);
        if (!(v instanceof Map<?, ?>)) {
            throw wrongType(name, "an object");
        }
        return of(v, code, what + "." + name);
    }

    private Object require(String name) {
        if (!fields.containsKey(name)) {
            throw new PubkyException(code, what + ": missing field `" + name + "`");
        }
        return fields.get(name);
    }

    private PubkyException wrongType(String name, String expected) {
        return new PubkyException(code, what + ": field `" + name + "` must be " + expected);
    }
}
