package org.pubky.core.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pubky.core.testing.Failures.assertFails;
import static org.pubky.core.testing.Failures.assertFailsContaining;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pubky.spi.ErrorCode;

final class JsonTest {
    private static final ErrorCode CODE = ErrorCode.MALFORMED_INPUT;

    @Test
    void parsesEveryValueKind() {
        Object parsed = Json.parse(" {\"s\":\"x\",\"n\":-12,\"big\":123456789012345678901234567890,"
                + "\"f\":1.5e3,\"t\":true,\"F\":false,\"z\":null,\"a\":[1,[],{}],\"o\":{\"k\":\"v\"}} \r\n");
        assertThat(parsed).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) parsed;
        assertThat(map.keySet()).containsExactly("s", "n", "big", "f", "t", "F", "z", "a", "o");
        assertThat(map.get("s")).isEqualTo("x");
        assertThat(map.get("n")).isEqualTo(-12L);
        assertThat(map.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(map.get("f")).isEqualTo(new BigDecimal("1.5e3"));
        assertThat(map.get("t")).isEqualTo(true);
        assertThat(map.get("F")).isEqualTo(false);
        assertThat(map.containsKey("z")).isTrue();
        assertThat(map.get("z")).isNull();
        assertThat(map.get("a")).isEqualTo(List.of(1L, List.of(), Map.of()));
        assertThat(map.get("o")).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void integersAtTheLongBoundaries() {
        assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Json.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(Json.parse("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(Json.parse("0")).isEqualTo(0L);
        assertThat(Json.parse("-0")).isEqualTo(0L);
    }

    @Test
    void decodesEscapesAndSurrogatePairs() {
        assertThat(Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u00E9\"")).isEqualTo("\"\\/\b\f\n\r\tAéé");
        assertThat(Json.parse("\"\\ud83d\\ude00 \uD83D\uDE00\"")).isEqualTo("\uD83D\uDE00 \uD83D\uDE00");
        assertThat(Json.parse("\"\\u0000\"")).isEqualTo("\0");
        assertThat(Json.parse("\"\u2028\u007f\"")).isEqualTo("\u2028\u007f");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|invalid JSON at offset 0: unexpected end of input",
            "'  '|invalid JSON at offset 2: unexpected end of input",
            "{|invalid JSON at offset 1: expected a string key",
            "{\"a\"}|invalid JSON at offset 4: expected ':'",
            "{\"a\":1,}|invalid JSON at offset 7: expected a string key",
            "{\"a\":1 \"b\":2}|invalid JSON at offset 7: expected ',' or '}'",
            "[1,]|invalid JSON at offset 3: unexpected character",
            "[1 2]|invalid JSON at offset 3: expected ',' or ']'",
            "{\"a\":1,\"a\":2}|invalid JSON at offset 7: duplicate key",
            "{a:1}|invalid JSON at offset 1: expected a string key",
            "'{\"a\":1} x'|invalid JSON at offset 8: unexpected data after the JSON value",
            "tru|invalid JSON at offset 0: invalid literal",
            "nul|invalid JSON at offset 0: invalid literal",
            "NaN|invalid JSON at offset 0: unexpected character",
            "01|invalid JSON at offset 1: unexpected data after the JSON value",
            "-|invalid JSON at offset 1: invalid number",
            "1.|invalid JSON at offset 2: invalid number: digits expected after '.'",
            "1e|invalid JSON at offset 2: invalid number: digits expected in exponent",
            "+1|invalid JSON at offset 0: unexpected character",
            ".5|invalid JSON at offset 0: unexpected character",
            "\"abc|invalid JSON at offset 4: unterminated string",
            "\"\\x\"|invalid JSON at offset 2: invalid escape",
            "\"\\u12G4\"|invalid JSON at offset 5: invalid hex digit in \\u escape",
            "\"\\u12|invalid JSON at offset 3: truncated \\u escape",
            "\"\\ud800\"|invalid JSON at offset 7: unpaired surrogate in \\u escape",
            "\"\\ud800\\u0041\"|invalid JSON at offset 13: unpaired surrogate in \\u escape",
            "\"\\udc00\"|invalid JSON at offset 7: unpaired surrogate in \\u escape",
            "'\uFEFF{}'|invalid JSON at offset 0: unexpected character",
    })
    void refusesMalformedDocuments(String text, String message) {
        assertFails(() -> Json.parse(text), CODE, message);
    }

    @Test
    void refusesRawControlCharactersAndUnpairedSurrogatesInStrings() {
        assertFails(() -> Json.parse("\"a\nb\""), CODE, "invalid JSON at offset 2: unescaped control character in string");
        assertFails(() -> Json.parse("\"a\u001fb\""), CODE, "invalid JSON at offset 2: unescaped control character in string");
        assertFails(() -> Json.parse("\"a\uD800b\""), CODE, "invalid JSON at offset 2: unpaired surrogate in string");
        assertFails(() -> Json.parse("\"a\uDC00\""), CODE, "invalid JSON at offset 2: unpaired surrogate in string");
    }

    @Test
    void limitsDepthLengthAndNumberSize() {
        String deep = "[".repeat(33) + "]".repeat(33);
        assertFails(() -> Json.parse(deep), CODE, "invalid JSON at offset 32: nesting deeper than 32");
        assertThat(Json.parse("[".repeat(32) + "]".repeat(32))).isInstanceOf(List.class);
        assertFails(() -> Json.parse("[".repeat(100_000)), CODE, "invalid JSON at offset 32: nesting deeper than 32");
        assertFails(() -> Json.parse("\"abcdef\"", 7, 4, ErrorCode.INVALID_JWS), ErrorCode.INVALID_JWS,
                "JSON document longer than 7 characters");
        assertFails(() -> Json.parse(new byte[9], 8, 4, ErrorCode.INVALID_JWS), ErrorCode.INVALID_JWS,
                "JSON document longer than 8 bytes");
        assertFails(() -> Json.parse("1".repeat(257)), CODE, "invalid JSON at offset 0: number longer than 256 characters");
        assertThat(Json.parse("1".repeat(256))).isInstanceOf(BigInteger.class);
        assertFails(() -> Json.parse("1e99999999999"), CODE, "invalid JSON at offset 0: number out of range");
    }

    @Test
    void utf8InputMustBeValid() {
        assertThat(Json.parse("\"é\"".getBytes(StandardCharsets.UTF_8))).isEqualTo("é");
        assertFails(() -> Json.parse(new byte[] {'"', (byte) 0xc3, '"'}), CODE, "invalid UTF-8");
        assertFails(() -> Json.parse(new byte[] {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}), CODE, "invalid UTF-8");
    }

    @Test
    void parsedContainersAreUnmodifiable() {
        Map<?, ?> map = (Map<?, ?>) Json.parse("{\"a\":[1]}");
        assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) map.get("a")).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void writerEscapesExactlyLikeSerdeJson() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        String written = Json.write(all + "\"\\/\u007f\u00e9\u2028\uD83D\uDE00");
        assertThat(written).isEqualTo("\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
                + "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b"
                + "\\u001c\\u001d\\u001e\\u001f\\\"\\\\/\u007f\u00e9\u2028\uD83D\uDE00\"");
        assertThat(Json.parse(written)).isEqualTo(all + "\"\\/\u007f\u00e9\u2028\uD83D\uDE00");
        assertFails(() -> Json.write("a\uD800"), CODE, "string is not valid Unicode (unpaired surrogate)");
    }

    @Test
    void writerIsCompactAndKeepsOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1L);
        map.put("a", Arrays.asList("x", null, true, 2, new BigDecimal("1.25")));
        map.put("m", Map.of());
        map.put("e", List.of());
        assertThat(Json.write(map)).isEqualTo("{\"z\":1,\"a\":[\"x\",null,true,2,1.25],\"m\":{},\"e\":[]}");
        assertThat(new JsonWriter().beginArray().value(-5).value(false).nullValue().endArray().toString())
                .isEqualTo("[-5,false,null]");
        assertThat(new JsonWriter().value("only").toString()).isEqualTo("\"only\"");
    }

    @Test
    void writerRefusesMisuse() {
        assertThatThrownBy(() -> new JsonWriter().beginObject().value("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginArray().name("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginArray().endObject()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().name("a").endObject()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().toString()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().value(1).value(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().value(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripsNestedValues() {
        List<Object> list = new ArrayList<>();
        list.add("\u0000 \uD83D\uDE00 ü \"q\"");
        list.add(Long.MIN_VALUE);
        list.add(null);
        list.add(Map.of("k", List.of(false)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("list", list);
        doc.put("", "empty key");
        String text = Json.write(doc);
        assertThat(Json.parse(text)).isEqualTo(doc);
        assertThat(Json.write(Json.parse(text))).isEqualTo(text);
    }

    @Test
    void jsonObjectGivesTypedCheckedAccess() {
        JsonObject o = JsonObject.parse("{\"s\":\"v\",\"n\":5,\"neg\":-1,\"a\":[\"x\"],\"bad\":[1],\"o\":{\"k\":\"w\"},\"nul\":null}"
                .getBytes(StandardCharsets.UTF_8), ErrorCode.INVALID_JWS, "doc");
        assertThat(o.string("s")).isEqualTo("v");
        assertThat(o.nonNegativeLong("n")).isEqualTo(5L);
        assertThat(o.stringArray("a")).containsExactly("x");
        assertThat(o.object("o").string("k")).isEqualTo("w");
        assertThat(o.optionalString("missing")).isEmpty();
        assertThat(o.has("nul")).isTrue();
        assertThat(o.fields()).containsKey("bad");
        ErrorCode jws = ErrorCode.INVALID_JWS;
        assertFails(() -> o.string("missing"), jws, "doc: missing field `missing`");
        assertFails(() -> o.string("n"), jws, "doc: field `n` must be a string");
        assertFails(() -> o.optionalString("nul"), jws, "doc: field `nul` must be a string");
        assertFails(() -> o.nonNegativeLong("neg"), jws, "doc: field `neg` must be a non-negative integer");
        assertFails(() -> o.nonNegativeLong("s"), jws, "doc: field `s` must be a non-negative integer");
        assertFails(() -> o.stringArray("bad"), jws, "doc: field `bad` must be an array of strings");
        assertFails(() -> o.object("s"), jws, "doc: field `s` must be an object");
        assertFails(() -> o.object("o").string("x"), jws, "doc.o: missing field `x`");
        assertFails(() -> JsonObject.of(List.of(), jws, "doc"), jws, "doc must be a JSON object");
        assertFailsContaining(() -> JsonObject.parse("[".getBytes(StandardCharsets.UTF_8), jws, "doc"), jws,
                "invalid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1e2", "12345678901234567890"})
    void nonLongNumbersAreNotNonNegativeLongs(String number) {
        JsonObject o = JsonObject.of(Json.parse("{\"n\":" + number + "}"), CODE, "doc");
        assertFails(() -> o.nonNegativeLong("n"), CODE, "doc: field `n` must be a non-negative integer");
    }
}
