package org.pubky.core.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pubky.core.testing.Failures.assertFails;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pubky.core.testing.Failures;
import org.pubky.spi.ErrorCode;

final class PostcardTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final ErrorCode CODE = ErrorCode.MALFORMED_INPUT;

    @ParameterizedTest
    @CsvSource({
            "0, 00", "1, 01", "127, 7f", "128, 8001", "300, ac02", "16383, ff7f", "16384, 808001",
            "4294967295, ffffffff0f", "9223372036854775807, ffffffffffffffff7f",
            "-1, ffffffffffffffffff01", // u64::MAX
    })
    void varintsAreLeb128(long value, String hex) {
        byte[] bytes = new PostcardWriter().writeVarU64(value).toByteArray();
        assertThat(HEX.formatHex(bytes)).isEqualTo(hex);
        assertThat(PostcardWriter.varintSize(value)).isEqualTo(bytes.length);
        PostcardReader in = new PostcardReader(bytes, CODE);
        assertThat(in.readVarU64()).isEqualTo(value);
        in.expectEnd();
    }

    @Test
    void overlongVarintsAreRefused() {
        assertFails(() -> new PostcardReader(HEX.parseHex("8000"), CODE).readVarU64(), CODE,
                "varint is not minimally encoded at offset 2");
        assertFails(() -> new PostcardReader(HEX.parseHex("ff00"), CODE).readVarU64(), CODE,
                "varint is not minimally encoded at offset 2");
        assertFails(() -> new PostcardReader(HEX.parseHex("80808000"), CODE).readVarU64(), CODE,
                "varint is not minimally encoded at offset 4");
    }

    @Test
    void overflowingVarintsAreRefused() {
        assertFails(() -> new PostcardReader(HEX.parseHex("ffffffffffffffffff02"), CODE).readVarU64(), CODE,
                "varint overflows 64 bits at offset 10");
        assertFails(() -> new PostcardReader(HEX.parseHex("ffffffffffffffffff81"), CODE).readVarU64(), CODE,
                "varint overflows 64 bits at offset 10");
        assertFails(() -> new PostcardReader(HEX.parseHex("ffffffffffffffffffff01"), CODE).readVarU64(), CODE,
                "varint overflows 64 bits at offset 10");
    }

    @Test
    void truncatedInputIsRefused() {
        assertFails(() -> new PostcardReader(HEX.parseHex("80"), CODE).readVarU64(), CODE,
                "unexpected end of input, expected more varint bytes at offset 1");
        assertFails(() -> new PostcardReader(new byte[0], CODE).readU8(), CODE,
                "unexpected end of input, expected a byte at offset 0");
        assertFails(() -> new PostcardReader(HEX.parseHex("0461"), CODE).readString(100), CODE,
                "unexpected end of input, expected 4 string bytes at offset 1");
        assertFails(() -> new PostcardReader(HEX.parseHex("01"), CODE).readFixed(new byte[2]), CODE,
                "unexpected end of input, expected 2 bytes at offset 0");
    }

    @Test
    void stringsAreLengthPrefixedStrictUtf8() {
        byte[] bytes = new PostcardWriter().writeString("/:rw").writeString("über").toByteArray();
        assertThat(HEX.formatHex(bytes)).isEqualTo("042f3a727705c3bc626572");
        PostcardReader in = new PostcardReader(bytes, CODE);
        assertThat(in.readString(10)).isEqualTo("/:rw");
        assertThat(in.readString(10)).isEqualTo("über");
        in.expectEnd();
        for (String bad : new String[] {"01ff", "02c0af", "03eda080", "01c3", "04f4908080"}) {
            assertFails(() -> new PostcardReader(HEX.parseHex(bad), CODE).readString(10), CODE, "invalid UTF-8");
        }
    }

    @Test
    void lengthsAreBoundedBeforeAllocation() {
        assertFails(() -> new PostcardReader(HEX.parseHex("ffffffff0f"), CODE).readString(64), CODE,
                "length 4294967295 exceeds the maximum of 64 at offset 5");
        assertFails(() -> new PostcardReader(HEX.parseHex("ffffffffffffffffff01"), CODE).readLength(10), CODE,
                "length 18446744073709551615 exceeds the maximum of 10 at offset 10");
    }

    @Test
    void trailingBytesAreReportedAndTheCodeIsTheCallers() {
        PostcardReader in = new PostcardReader(HEX.parseHex("0001"), ErrorCode.INVALID_AUTH_TOKEN);
        in.readU8();
        assertThat(in.remaining()).isEqualTo(1);
        assertFails(in::expectEnd, ErrorCode.INVALID_AUTH_TOKEN, "1 trailing bytes at offset 1");
    }

    @Test
    void readsASliceOfALargerArray() {
        byte[] data = HEX.parseHex("ff02616201ff");
        PostcardReader in = new PostcardReader(data, 1, 4, CODE);
        assertThat(in.readString(5)).isEqualTo("ab");
        assertThat(in.readU8()).isEqualTo(1);
        assertThat(in.position()).isEqualTo(5);
        in.expectEnd();
    }

    @Test
    @Timeout(60)
    void randomInputThrowsOnlyPubkyExceptionAndRoundTripsHold() {
        Random random = new Random(20260101);
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] data = new byte[random.nextInt(24)];
            random.nextBytes(data);
            if (Failures.onlyPubkyException(() -> {
                PostcardReader in = new PostcardReader(data, CODE);
                while (in.remaining() > 0) {
                    if (random.nextBoolean()) {
                        in.readVarU64();
                    } else {
                        in.readString(32);
                    }
                }
            }, HEX.formatHex(data))) {
                parsed++;
            }
            long value = random.nextLong() >>> random.nextInt(64);
            byte[] encoded = new PostcardWriter(1).writeVarU64(value).toByteArray();
            assertThat(new PostcardReader(encoded, CODE).readVarU64()).isEqualTo(value);
        }
        assertThat(parsed).as("some random inputs are valid").isPositive();
    }
}
