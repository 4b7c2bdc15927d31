package org.pubky.store.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pubky.spi.storage.StoredBlob;

final class BlobIdsTest {
    private final BlobIds ids = new BlobIds();

    @Test
    void idsHaveTheDocumentedShapeAndCarryTheirCreationTime() {
        Instant at = Instant.parse("2025-03-01T12:34:56.789012345Z");
        String id = ids.next(at);

        assertThat(id).matches("[0-9a-f]{14}-[0-9a-f]{24}").hasSize(BlobIds.LENGTH);
        assertThat(BlobIds.isId(id)).isTrue();
        assertThat(BlobIds.createdMicros(id)).isEqualTo(1_740_832_496_789_012L);
        assertThat(id).startsWith(String.format("%014x", 1_740_832_496_789_012L));
        // a legal id in the SPI's sense too
        assertThat(new StoredBlob(id, 0).id()).isEqualTo(id);
    }

    @Test
    void idsSortByCreationTime() {
        List<String> created = new ArrayList<>();
        Instant t = Instant.parse("2001-01-01T00:00:00Z");
        for (int i = 0; i < 1000; i++) {
            created.add(ids.next(t.plusNanos(1000L * i * i)));
        }
        List<String> sorted = new ArrayList<>(created);
        sorted.sort(null);
        assertThat(sorted).isEqualTo(created);
    }

    @Test
    void idsAreUniqueEvenAtTheSameMicrosecond() {
        Set<String> seen = new HashSet<>();
        Instant t = Instant.parse("2030-06-01T00:00:00Z");
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(ids.next(t))).isTrue();
        }
    }

    @Test
    void timesOutsideTheRepresentableRangeSaturate() {
        assertThat(BlobIds.createdMicros(ids.next(Instant.parse("1960-01-01T00:00:00Z")))).isZero();
        assertThat(BlobIds.createdMicros(ids.next(Instant.MAX))).isEqualTo((1L << 56) - 1);
        assertThat(BlobIds.ceilMicros(Instant.MIN)).isZero();
        assertThat(BlobIds.ceilMicros(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
        assertThat(BlobIds.ceilMicros(Instant.ofEpochSecond(5, 1))).isEqualTo(5_000_001L);
        assertThat(BlobIds.ceilMicros(Instant.ofEpochSecond(5, 1000))).isEqualTo(5_000_001L);
        assertThat(BlobIds.ceilMicros(Instant.ofEpochSecond(5, 1001))).isEqualTo(5_000_002L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "a/b", "../etc/passwd", "/etc/passwd", "..\\x", "a\u0000b", "C:x", "a b", "~root",
        "%2e%2e", "*", ".", "..", "...", "tmp", "ab", "abc",
        "00062f4a3b2c1d-9F03C2E1D4B5A6978877665A",
        "00062f4a3b2c1d_9f03c2e1d4b5a6978877665a",
        "00062f4a3b2c1d-9f03c2e1d4b5a6978877665a.tmp",
        "00062f4a3b2c1d-9f03c2e1d4b5a6978877665",
        "00062f4a3b2c1d-9f03c2e1d4b5a6978877665a0",
        "g0062f4a3b2c1d-9f03c2e1d4b5a6978877665a",
        "../062f4a3b2c1d-9f03c2e1d4b5a6978877665a",
        "00062f4a3b2c1d/9f03c2e1d4b5a6978877665a",
        "00062f4a3b2c1d-9f03c2e1d4b5a697887766/a",
        "00062f4a3b2c1d-9f03c2e1d4b5a697887766\u0000a",
        "00062f4a3b2c1d-9f03c2e1d4b5a6978877665\u0430"})
    void anythingButTheExactShapeIsNoId(String id) {
        assertThat(BlobIds.isId(id)).isFalse();
    }

    @Test
    void onlyTheExactShapeIsAnIdAmongRealMutatedAndRandomStrings() {
        Random random = new Random(20250301);
        String alphabet = "abcdef0123456789-._/\\\u0000AZ:é ";
        int real = 0;
        for (int i = 0; i < 60_000; i++) {
            String candidate;
            if (i % 3 == 2) {
                StringBuilder noise = new StringBuilder();
                for (int j = random.nextInt(260); j > 0; j--) {
                    noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                candidate = noise.toString();
            } else {
                char[] id = ids.next(Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE))).toCharArray();
                if (i % 3 == 1) {
                    id[random.nextInt(id.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
                }
                candidate = new String(id);
            }
            boolean expected = candidate.matches("[0-9a-f]{14}-[0-9a-f]{24}");
            assertThat(BlobIds.isId(candidate)).as(candidate).isEqualTo(expected);
            real += expected ? 1 : 0;
        }
        // every unmutated id and the mutations that happen to keep the shape
        assertThat(real).isBetween(20_000, 40_000);
    }

    @Test
    void fanOutDirectoriesComeFromTheRandomDigits() {
        String id = "00062f4a3b2c1d-9f03c2e1d4b5a6978877665a";
        assertThat(BlobIds.level1(id)).isEqualTo("9f");
        assertThat(BlobIds.level2(id)).isEqualTo("03");
        assertThat(BlobIds.isFanOutName("9f")).isTrue();
        assertThat(BlobIds.isFanOutName("9F")).isFalse();
        assertThat(BlobIds.isFanOutName("tmp")).isFalse();
        assertThat(BlobIds.isFanOutName("..")).isFalse();
    }
}
