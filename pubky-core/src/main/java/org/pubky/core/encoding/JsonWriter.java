package org.pubky.core.encoding;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * Writes compact JSON exactly as the Rust {@code serde_json} crate does: no whitespace, members in
 * the order written, strings escaping only {@code "}, {@code \}, and control characters below
 * U+0020 ({@code \b \f \n \r \t} short forms, others {@code \}{@code u00xx} in lowercase hex), all
 * other characters (non-ASCII included) written as themselves. Signed payloads depend on this
 * byte-for-byte.
 *
 * <p>Misuse (a value where a name is due, unbalanced ends) is a programming error and throws
 * {@link IllegalStateException}. Not thread-safe.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    /** Per open container: whether it already has a member (bit 0) and is an object (bit 1). */
    private int[] stack = new int[8];
    private int depth;
    private boolean nameWritten;
    private boolean done;

    public JsonWriter() {
        this(new StringBuilder(128));
    }

    /** Appends to {@code out}. */
    public JsonWriter(StringBuilder out) {
        this.out = out;
    }

    public JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        push(2);
        return this;
    }

    public JsonWriter endObject() {
        if (depth == 0 || (stack[depth - 1] & 2) == 0 || nameWritten) {
            throw new IllegalStateException("no open object to end");
        }
        depth--;
        out.append('}');
        afterValue();
        return this;
    }

    public JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        push(0);
        return this;
    }

    public JsonWriter endArray() {
        if (depth == 0 || (stack[depth - 1] & 2) != 0) {
            throw new IllegalStateException("no open array to end");
        }
        depth--;
        out.append(']');
        afterValue();
        return this;
    }

    /** The name of the next object member. */
    public JsonWriter name(String name) {
        if (depth == 0 || (stack[depth - 1] & 2) == 0 || nameWritten) {
            throw new IllegalStateException("a member name is not expected here");
        }
        if ((stack[depth - 1] & 1) != 0) {
            out.append(',');
        }
        stack[depth - 1] |= 1;
        writeString(name);
        out.append(':');
        nameWritten = true;
        return this;
    }

    /** A string value, or {@code null}. */
    public JsonWriter value(String value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        writeString(value);
        afterValue();
        return this;
    }

    public JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        afterValue();
        return this;
    }

    public JsonWriter value(boolean value) {
        beforeValue();
        out.append(value);
        afterValue();
        return this;
    }

    /** An integral number or a {@link BigDecimal}; floating point types are refused. */
    public JsonWriter value(Number value) {
        if (value == null) {
            return nullValue();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger || value instanceof BigDecimal) {
            beforeValue();
            out.append(value);
            afterValue();
            return this;
        }
        throw new IllegalArgumentException("unsupported number type " + value.getClass().getName());
    }

    public JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        afterValue();
        return this;
    }

    /** The JSON text; only when every container was closed. */
    @Override
    public String toString() {
        if (depth != 0 || !done) {
            throw new IllegalStateException("incomplete JSON document");
        }
        return out.toString();
    }

    private void writeString(String s) {
        out.append('"');
        int runStart = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(s, runStart, i);
            runStart = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isSurrogate(c)) {
                        throw new PubkyException(ErrorCode.MALFORMED_INPUT,
                                "string is not valid Unicode (unpaired surrogate)");
                    }
                    out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
                }
            }
        }
        out.append(s, runStart, s.length());
        out.append('"');
    }

    private void beforeValue() {
        if (done) {
            throw new IllegalStateException("the document is already complete");
        }
        if (depth == 0) {
            return;
        }
        int top = stack[depth - 1];
        if ((top & 2) != 0) {
            if (!nameWritten) {
                throw new IllegalStateException("a member name is due before the value");
            }
            nameWritten = false;
        } else {
            if ((top & 1) != 0) {
                out.append(',');
            }
            stack[depth - 1] |= 1;
        }
    }

    private void afterValue() {
        if (depth == 0) {
            done = true;
        }
    }

    private void push(int flags) {
        if (depth == stack.length) {
            stack = java.util.Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = flags;
    }
}
