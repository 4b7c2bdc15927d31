package org.pubky.store.jdbc.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

final class QuotaColumnsTest {
    private static final String ALPHABET = "ab/-._ \"\\\u0000\u001f\u007f\u00e9\u4e2d\ud83d\ude00\ud800\udfff\ue000";

    @Test
    void pathListsRoundTripThroughJson() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            List<String> paths = new ArrayList<>();
            int n = random.nextInt(6);
            for (int k = 0; k < n; k++) {
                StringBuilder sb = new StringBuilder();
                int len = random.nextInt(12);
                for (int c = 0; c < len; c++) {
                    sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                paths.add(sb.toString());
            }
            String json = QuotaColumns.toJson(paths);
            assertThat(QuotaColumns.fromJson(json)).isEqualTo(paths);
            assertThat(json.chars().noneMatch(ch -> ch < 0x20)).as("no raw control characters in %s", json)
                    .isTrue();
        }
    }

    @Test
    void knownForms() {
        assertThat(QuotaColumns.toJson(List.of())).isEqualTo("[]");
        assertThat(QuotaColumns.toJson(List.of("/pub/", "/priv/a\"b"))).isEqualTo("[\"/pub/\",\"/priv/a\\\"b\"]");
        assertThat(QuotaColumns.fromJson(" [ \"/a\" , \"\\u00e9\\n\\/\" ] ")).containsExactly("/a", "\u00e9\n/");
        assertThat(QuotaColumns.toJson(List.of("\ud800x"))).as("a lone surrogate is escaped").isEqualTo(
                "[\"\\ud800x\"]");
    }

    @Test
    void corruptStoredValuesFailAsStorageFailuresOnly() {
        Random random = new Random(11);
        String valid = QuotaColumns.toJson(List.of("/pub/a", "/priv/\ud83d\ude00", "x\\y"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder mutated = new StringBuilder(valid);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && mutated.length() > 0; e++) {
                int at = random.nextInt(mutated.length());
                switch (random.nextInt(3)) {
                    case 0 -> mutated.deleteCharAt(at);
                    case 1 -> mutated.insert(at, "[]\",\\u ".charAt(random.nextInt(7)));
                    default -> mutated.setLength(at);
                }
            }
            try {
                QuotaColumns.fromJson(mutated.toString());
            } catch (PubkyException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE);
            }
        }
        for (String bad : new String[] {"", "[", "[\"a\"", "[\"a\",]", "{\"a\"}", "[1]", "[\"\\x\"]", "[\"\\u12\"]",
                "[\"a\"] x", "null"}) {
            assertThatThrownBy(() -> QuotaColumns.fromJson(bad)).as(bad).isInstanceOfSatisfying(
                    PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE));
        }
    }
}
