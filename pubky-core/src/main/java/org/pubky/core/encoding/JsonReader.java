package org.pubky.core.encoding;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * A strict RFC 8259 parser for one JSON document, hardened for untrusted input: a nesting limit,
 * no duplicate object keys, no unescaped control characters, no unpaired surrogates (escaped or
 * not), nothing but whitespace after the value. Used through {@link Json}. Not thread-safe.
 */
final class JsonReader {
    /** Longer literals would make BigInteger/BigDecimal parsing a quadratic-time attack. */
    static final int MAX_NUMBER_LENGTH = 256;

    private final String text;
    private final int maxDepth;
    private final ErrorCode code;
    private int pos;
    private int depth;

    JsonReader(String text, int maxDepth, ErrorCode code) {
        this.text = text;
        this.maxDepth = maxDepth;
        this.code = code;
    }

    Object readDocument() {
        skipWhitespace();
        Object value = readValue();
        skipWhitespace();
        if (pos != text.length()) {
            throw fail("unexpected data after the JSON value");
        }
        return value;
    }

    private Object readValue() {
        if (pos >= text.length()) {
            throw fail("unexpected end of input");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return readObject();
            case '[':
                return readArray();
            case '"':
                return readString();
            case 't':
                return readLiteral("true", Boolean.TRUE);
            case 'f':
                return readLiteral("false", Boolean.FALSE);
            case 'n':
                return readLiteral("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return readNumber();
                }
                throw fail("unexpected character");
        }
    }

    private Map<String, Object> readObject() {
        enter();
        pos++;
        Map<String, Object> fields = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return Collections.unmodifiableMap(fields);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw fail("expected a string key");
            }
            int keyAt = pos;
            String key = readString();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = readValue();
            if (fields.containsKey(key)) {
                pos = keyAt;
                throw fail("duplicate key");
            }
            fields.put(key, value);
            skipWhitespace();
            char c = next();
            if (c == '}') {
                depth--;
                return Collections.unmodifiableMap(fields);
            }
            if (c != ',') {
                pos--;
                throw fail("expected ',' or '}'");
            }
        }
    }

    private List<Object> readArray() {
        enter();
        pos++;
        List<Object> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return Collections.unmodifiableList(items);
        }
        while (true) {
            skipWhitespace();
            items.add(readValue());
            skipWhitespace();
            char c = next();
            if (c == ']') {
                depth--;
                return Collections.unmodifiableList(items);
            }
            if (c != ',') {
                pos--;
                throw fail("expected ',' or ']'");
            }
        }
    }

    private String readString() {
        pos++;
        StringBuilder out = null;
        int runStart = pos;
        while (true) {
            if (pos >= text.length()) {
                throw fail("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = out == null ? text.substring(runStart, pos)
                        : out.append(text, runStart, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw fail("unescaped control character in string");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && pos + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(pos + 1))) {
                    pos += 2;
                    continue;
                }
                throw fail("unpaired surrogate in string");
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder();
            }
            out.append(text, runStart, pos);
            pos++;
            readEscape(out);
            runStart = pos;
        }
    }

    private void readEscape(StringBuilder out) {
        char e = next();
        switch (e) {
            case '"', '\\', '/' -> out.append(e);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                char unit = readHex4();
                if (Character.isHighSurrogate(unit)) {
                    if (pos + 1 < text.length() && text.charAt(pos) == '\\' && text.charAt(pos + 1) == 'u') {
                        pos += 2;
                        char low = readHex4();
                        if (Character.isLowSurrogate(low)) {
                            out.append(unit).append(low);
                            return;
                        }
                    }
                    throw fail("unpaired surrogate in \\u escape");
                }
                if (Character.isLowSurrogate(unit)) {
                    throw fail("unpaired surrogate in \\u escape");
                }
                out.append(unit);
            }
            default -> {
                pos--;
                throw fail("invalid escape");
            }
        }
    }

    private char readHex4() {
        if (pos + 4 > text.length()) {
            throw fail("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = hexValue(text.charAt(pos));
            if (d < 0) {
                throw fail("invalid hex digit in \\u escape");
            }
            v = (v << 4) | d;
            pos++;
        }
        return (char) v;
    }

    private Object readNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            skipDigits();
        } else {
            throw fail("invalid number");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) {
                throw fail("invalid number: digits expected after '.'");
            }
            skipDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw fail("invalid number: digits expected in exponent");
            }
            skipDigits();
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            pos = start;
            throw fail("number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        String literal = text.substring(start, pos);
        if (!integral) {
            try {
                return new BigDecimal(literal);
            } catch (NumberFormatException | ArithmeticException e) {
                pos = start;
                throw fail("number out of range");
            }
        }
        if (literal.length() <= 18) {
            return Long.parseLong(literal);
        }
        BigInteger big = new BigInteger(literal);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private Object readLiteral(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw fail("invalid literal");
        }
        pos += word.length();
        return value;
    }

    private void enter() {
        if (++depth > maxDepth) {
            throw fail("nesting deeper than " + maxDepth);
        }
    }

    private void skipDigits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private char next() {
        if (pos >= text.length()) {
            throw fail("unexpected end of input");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private PubkyException fail(String reason) {
        return new PubkyException(code, "invalid JSON at offset " + pos + ": " + reason);
    }
}
