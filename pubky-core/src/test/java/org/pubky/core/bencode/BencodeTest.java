package org.pubky.core.bencode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

final class BencodeTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void decodesEveryKindOfValue() {
        assertThat(Bencode.decode(ascii("i0e"))).isEqualTo(new BencodeInteger(0));
        assertThat(Bencode.decode(ascii("i-42e"))).isEqualTo(new BencodeInteger(-42));
        assertThat(Bencode.decode(ascii("i9223372036854775807e"))).isEqualTo(new BencodeInteger(Long.MAX_VALUE));
        assertThat(Bencode.decode(ascii("i-9223372036854775808e"))).isEqualTo(new BencodeInteger(Long.MIN_VALUE));
        assertThat(Bencode.decode(ascii("0:"))).isEqualTo(BencodeString.of(new byte[0]));
        assertThat(Bencode.decode(ascii("4:spam"))).isEqualTo(BencodeString.of("spam"));
        assertThat(Bencode.decode(ascii("le"))).isEqualTo(BencodeList.of());
        assertThat(Bencode.decode(ascii("l4:spami42ee")))
                .isEqualTo(BencodeList.of(BencodeString.of("spam"), new BencodeInteger(42)));
        assertThat(Bencode.decode(ascii("de"))).isEqualTo(BencodeDict.empty());
        assertThat(Bencode.decode(ascii("d3:bar4:spam3:fooi42ee"))).isEqualTo(
                BencodeDict.builder().put("foo", 42).put("bar", "spam").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "i", "ie", "i-e", "i-0e", "i01e", "i-01e", "i00e", "i1", "i1x", "i+1e", "i 1e",
        "i9223372036854775808e", "i-9223372036854775809e", "i99999999999999999999e",
        "01:a", "1:", "5:abc", "1a", ":", "-1:a", "99999999999:a", "4294967297:a",
        "l", "li1e", "d", "d1:a", "d1:ai1e", "di1ei2ee", "dlee",
        "d1:bi1e1:ai2ee", "d1:ai1e1:ai2ee", "d2:aai1e1:ai2ee",
        "i1ei2e", "4:spamx", "le ", "x", "e",
    })
    void rejectsNonCanonicalOrMalformedInput(String input) {
        assertThatThrownBy(() -> Bencode.decode(ascii(input)))
                .isInstanceOf(PubkyException.class)
                .satisfies(e -> assertThat(((PubkyException) e).code()).isEqualTo(ErrorCode.INVALID_BENCODE));
    }

    @Test
    void limitsNestingDepth() {
        String ok = "l".repeat(Bencode.MAX_DEPTH) + "e".repeat(Bencode.MAX_DEPTH);
        assertThat(Bencode.decode(ascii(ok))).isInstanceOf(BencodeList.class);
        String tooDeep = "l".repeat(Bencode.MAX_DEPTH + 1) + "e".repeat(Bencode.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Bencode.decode(ascii(tooDeep))).isInstanceOf(PubkyException.class)
                .hasMessageContaining("nesting");
        // A deep prefix without terminators fails on depth long before the end, without recursion trouble.
        assertThatThrownBy(() -> Bencode.decode(ascii("l".repeat(1_000_000)))).isInstanceOf(PubkyException.class);
    }

    @Test
    void absurdLengthsFailWithoutAllocating() {
        assertThatThrownBy(() -> Bencode.decode(ascii("2147483647:x"))).isInstanceOf(PubkyException.class)
                .hasMessageContaining("exceeds the remaining 1 bytes");
    }

    @Test
    void keysSortAsUnsignedBytes() {
        // 0x7f < 0x80 < 0xff: signed comparison would put the high bytes first.
        byte[] sorted = new byte[] {'d', '1', ':', 0x7f, 'i', '1', 'e', '1', ':', (byte) 0x80, 'i', '2', 'e',
            '1', ':', (byte) 0xff, 'i', '3', 'e', 'e'};
        BencodeDict d = (BencodeDict) Bencode.decode(sorted);
        assertThat(d.size()).isEqualTo(3);
        assertThat(Bencode.encode(d)).isEqualTo(sorted);
        byte[] unsorted = sorted.clone();
        unsorted[3] = (byte) 0x90;
        assertThatThrownBy(() -> Bencode.decode(unsorted)).isInstanceOf(PubkyException.class);
        // The prefix sorts first.
        assertThat(text(Bencode.encode(BencodeDict.builder().put("ab", 1).put("a", 2).build())))
                .isEqualTo("d1:ai2e2:abi1ee");
    }

    @Test
    void encodesCanonically() {
        BencodeDict krpc = BencodeDict.builder()
                .put("t", "aa")
                .put("y", "q")
                .put("q", "ping")
                .put("a", BencodeDict.builder().put("id", "abcdefghij0123456789").build())
                .build();
        assertThat(text(Bencode.encode(krpc))).isEqualTo("d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t2:aa1:y1:qe");
        assertThat(text(Bencode.encode(new BencodeInteger(Long.MIN_VALUE)))).isEqualTo("i-9223372036854775808e");
        assertThat(text(Bencode.encode(new BencodeInteger(0)))).isEqualTo("i0e");
        assertThat(text(Bencode.encode(new BencodeInteger(-7)))).isEqualTo("i-7e");
    }

    @Test
    void typedAccessorsNameTheKeyThatIsWrong() {
        BencodeDict d = (BencodeDict) Bencode.decode(ascii("d1:ad2:id3:abce1:lli1e2:xye3:seqi4e1:v5:helloe"));
        assertThat(d.getString("v").utf8()).isEqualTo("hello");
        assertThat(d.getBytes("v")).isEqualTo(ascii("hello"));
        assertThat(d.getLong("seq")).isEqualTo(4);
        assertThat(d.findLong("seq")).hasValue(4);
        assertThat(d.findLong("nope")).isEmpty();
        assertThat(d.getDict("a").getString("id")).isEqualTo(BencodeString.of("abc"));
        assertThat(d.getList("l").getLong(0)).isEqualTo(1);
        assertThat(d.getList("l").getString(1).utf8()).isEqualTo("xy");
        assertThat(d.findString("missing")).isNull();
        assertThat(d.findDict("missing")).isNull();
        assertThat(d.containsKey("seq")).isTrue();
        assertThat(d.get(BencodeString.of("seq"))).isEqualTo(new BencodeInteger(4));

        assertThatThrownBy(() -> d.getLong("v")).isInstanceOf(PubkyException.class)
                .hasMessage("'v' must be an integer, got a string");
        assertThatThrownBy(() -> d.getString("missing")).isInstanceOf(PubkyException.class)
                .hasMessage("missing key 'missing'");
        assertThatThrownBy(() -> d.findDict("seq")).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> d.getList("l").getLong(5)).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> d.getList("l").getLong(1)).isInstanceOf(PubkyException.class);
    }

    @Test
    void decodedStringsAreViewsOnTheInput() {
        byte[] input = ascii("d1:v5:helloe");
        BencodeDict d = (BencodeDict) Bencode.decode(input);
        BencodeString v = d.getString("v");
        assertThat(v.length()).isEqualTo(5);
        assertThat(v.byteAt(0)).isEqualTo((byte) 'h');
        byte[] copy = v.bytes();
        copy[0] = 'j';
        assertThat(v.utf8()).isEqualTo("hello");
        assertThat(v.contentEquals(ascii("hello"))).isTrue();
        assertThat(v).isEqualTo(BencodeString.of("hello")).hasSameHashCodeAs(BencodeString.of("hello"));
        // Decoding a slice of a larger buffer.
        byte[] framed = ascii("xx4:spamyy");
        assertThat(Bencode.decode(framed, 2, 6)).isEqualTo(BencodeString.of("spam"));
        assertThatThrownBy(() -> Bencode.decodeDict(framed, 2, 6)).isInstanceOf(PubkyException.class);
    }

    @Test
    void writerChecksKeyOrderAndStructure() {
        BencodeWriter w = new BencodeWriter(4);
        w.beginDict().writeString("a").writeInteger(1).writeString("b").beginList().writeString(new byte[300]).end().end();
        byte[] out = w.toByteArray();
        assertThat(Bencode.decode(out)).isInstanceOf(BencodeDict.class);
        assertThat(Bencode.encode(Bencode.decode(out))).isEqualTo(out);

        assertThatThrownBy(() -> new BencodeWriter().beginDict().writeString("b").writeInteger(1).writeString("a"))
                .isInstanceOf(PubkyException.class)
                .satisfies(e -> assertThat(((PubkyException) e).code()).isEqualTo(ErrorCode.INVALID_BENCODE));
        assertThatThrownBy(() -> new BencodeWriter().beginDict().writeString("a").writeInteger(1).writeString("a"))
                .isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> new BencodeWriter().beginDict().writeInteger(1))
                .isInstanceOf(PubkyException.class)
                .satisfies(e -> assertThat(((PubkyException) e).code()).isEqualTo(ErrorCode.INTERNAL));
        assertThatThrownBy(() -> new BencodeWriter().beginDict().writeString("a").end()).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> new BencodeWriter().end()).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> new BencodeWriter().writeInteger(1).writeInteger(2)).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> new BencodeWriter().beginList().toByteArray()).isInstanceOf(PubkyException.class);
        assertThatThrownBy(() -> BencodeDict.builder().put("a", 1).put("a", 2)).isInstanceOf(PubkyException.class);
    }

    @Test
    void listAccessorsAndValueViews() {
        BencodeList list = BencodeList.of(List.of(new BencodeInteger(1), BencodeString.of("x")));
        assertThat(list.items()).hasSize(2);
        assertThatThrownBy(() -> list.items().add(new BencodeInteger(3))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(list.toString()).isEqualTo("[BencodeInteger[value=1], \"x\"]");
        assertThat(BencodeString.of(new byte[] {0, 'a', '"'}).toString()).isEqualTo("\"\\x00a\\x22\"");
    }
}
