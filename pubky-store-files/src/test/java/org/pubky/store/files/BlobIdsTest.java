package org.pubky.store.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.StoredBlob;

final class BlobIdsTest {
    private final BlobIds ids = new BlobIds();

    @Test
    void idsHaveTheDocumentedShapeAndCarryTheirCreationTime() {
        Instant at = Instant.parse("2025-03-01T12:34:56.789012345Z");
        String id = ids.next(at);

        assertThat(id).matches("[0-9a-f]{14}-[0-9a-f]{24}").hasSize(BlobIds.LENGTH);
        assertThat(BlobIds.check(id)).isTrue();
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
    @ValueSource(strings = {"", "/", "a/b", "../etc/passwd", "/etc/passwd", "..\\x", "a\\b", "a\u0000b", "C:x",
        "a b", "é", "id\n", "~root", "%2e%2e", "*"})
    void illegalIdsAreMalformedInput(String id) {
        assertThatThrownBy(() -> BlobIds.check(id))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
    }

    @Test
    void overlongIdsAreMalformedInput() {
        assertThat(BlobIds.check("a".repeat(200))).isFalse();
        assertThatThrownBy(() -> BlobIds.check("a".repeat(201)))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "...", "tmp", "ab", "abc", "00062f4a3b2c1d-9F03C2E1D4B5A6978877665A",
        "00062f4a3b2c1d_9f03c2e1d4b5a6978877665a", "00062f4a3b2c1d-9f03c2e1d4b5a6978877665a.tmp",
        "00062f4a3b2c1d-9f03c2e1d4b5a6978877665", "g0062f4a3b2c1d-9f03c2e1d4b5a6978877665a"})
    void legalIdsThisStoreNeverIssuesAreForeign(String id) {
        assertThat(BlobIds.check(id)).isFalse();
        assertThat(BlobIds.isId(id)).isFalse();
    }

    @Test
    void checkAcceptsOrRefusesRandomInputWithoutAnyOtherException() {
        Random random = new Random(20250301);
        String alphabet = "abcdef0123456789-._/\\\u0000AZ:é ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder id = new StringBuilder();
            int length = random.nextInt(i % 10 == 0 ? 260 : 45);
            for (int j = 0; j < length; j++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = id.toString();
            try {
                boolean ours = BlobIds.check(candidate);
                assertThat(ours).isEqualTo(BlobIds.isId(candidate));
                assertThat(candidate).matches("[A-Za-z0-9._-]{1,200}");
            } catch (PubkyException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT);
                assertThat(candidate).doesNotMatch("[A-Za-z0-9._-]{1,200}");
            }
        }
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

    @Test
    void nullIsAProgrammingError() {
        assertThatThrownBy(() -> BlobIds.check(null)).isInstanceOf(NullPointerException.class);
    }
}
