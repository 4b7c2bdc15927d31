package org.pubky.core.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pubky.core.testing.Failures.assertFails;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.pubky.spi.ErrorCode;

final class ContentHashTest {

    /** The input of the official BLAKE3 test vectors: 0, 1, …, 250, 0, 1, … */
    private static byte[] vectorInput(int length) {
        byte[] input = new byte[length];
        for (int i = 0; i < length; i++) {
            input[i] = (byte) (i % 251);
        }
        return input;
    }

    /** First 32 bytes of the "hash" outputs in BLAKE3-team/BLAKE3 test_vectors/test_vectors.json. */
    @ParameterizedTest
    @CsvSource({
            "0, af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
            "1, 2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213",
            "1023, 10108970eeda3eb932baac1428c7a2163b0e924c9a9e25b35bba72b28f70bd11",
            "1024, 42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7",
            "1025, d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444",
            "2049, 5f4d72f40d7a5f82b15ca2b2e44b1de3c2ef86c426c95c1af0b6879522563030",
            "4097, 9b4052b38f1c5fc8b1f9ff7ac7b27cd242487b3d890d15c96a1c25b8aa0fb995",
            "7169, a003fc7a51754a9b3c7fae0367ab3d782dccf28855a03d435f8cfe74605e7817",
    })
    void matchesTheOfficialBlake3Vectors(int length, String hex) {
        byte[] input = vectorInput(length);
        assertThat(ContentHash.of(input).hex()).isEqualTo(hex);
        // Streamed in odd-sized pieces, through arrays and both kinds of ByteBuffer.
        ContentHash.Hasher hasher = ContentHash.hasher();
        int offset = 0;
        int step = 1;
        while (offset < length) {
            int n = Math.min(step, length - offset);
            switch (step % 3) {
                case 0 -> hasher.update(input, offset, n);
                case 1 -> hasher.update(ByteBuffer.wrap(input, offset, n));
                default -> hasher.update(ByteBuffer.allocateDirect(n).put(input, offset, n).flip());
            }
            offset += n;
            step = step * 2 + 1;
        }
        assertThat(hasher.finish().hex()).isEqualTo(hex);
    }

    @Test
    void textForms() {
        ContentHash empty = ContentHash.of(new byte[0]);
        String base64 = Base64.getEncoder().encodeToString(HexFormat.of()
                .parseHex("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"));
        assertThat(empty.base64()).isEqualTo(base64).hasSize(44).endsWith("=");
        assertThat(empty.etag()).isEqualTo('"' + base64 + '"');
        assertThat(empty.toString()).isEqualTo(empty.hex());
        assertThat(ContentHash.parseBase64(base64)).isEqualTo(empty);
        assertThat(ContentHash.fromBytes(empty.bytes())).isEqualTo(empty).hasSameHashCodeAs(empty);
        assertThat(ContentHash.of("hello".getBytes())).isNotEqualTo(empty);
    }

    @Test
    void parsingIsStrict() {
        ErrorCode code = ErrorCode.MALFORMED_INPUT;
        String good = ContentHash.of(new byte[0]).base64();
        assertFails(() -> ContentHash.parseBase64(good.substring(0, 43)), code,
                "content hash must be 44 characters of padded base64");
        assertFails(() -> ContentHash.parseBase64("_" + good.substring(1)), code, "content hash is not valid base64");
        // The next character changes only the two unused bits of the last data character.
        String lastBits = good.substring(0, 42) + (char) (good.charAt(42) + 1) + "=";
        assertFails(() -> ContentHash.parseBase64(lastBits), code, "content hash is not canonical base64");
        assertFails(() -> ContentHash.parseBase64("A".repeat(42) + "=="), code,
                "content hash must be 44 characters of padded base64");
        assertFails(() -> ContentHash.fromBytes(new byte[31]), code, "content hash must be 32 bytes, got 31");
    }

    @Test
    void aFinishedHasherCannotBeReused() {
        ContentHash.Hasher hasher = ContentHash.hasher();
        hasher.finish();
        assertThatThrownBy(() -> hasher.update(new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(hasher::finish).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void randomSplitsGiveTheSameHash() {
        Random random = new Random(3);
        for (int round = 0; round < 50; round++) {
            byte[] data = new byte[random.nextInt(20_000)];
            random.nextBytes(data);
            ContentHash.Hasher hasher = ContentHash.hasher();
            int offset = 0;
            while (offset < data.length) {
                int n = Math.min(1 + random.nextInt(3000), data.length - offset);
                hasher.update(data, offset, n);
                offset += n;
            }
            assertThat(hasher.finish()).isEqualTo(ContentHash.of(data));
        }
    }
}
