package org.pubky.core.homeserver.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.encoding.JsonWriter;
import org.pubky.core.homeserver.storage.WritePaths;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.QuotaOverrides;

/** The quota JSON rules of HS-ADM-025…041 without HTTP. */
@Timeout(30)
final class QuotaJsonTest {
    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static QuotaOverrides quota(String text) {
        return QuotaJson.parseQuota(json(text));
    }

    private static QuotaOverrides patch(QuotaOverrides current, String text) {
        return QuotaRules.validate(QuotaJson.parsePatch(json(text)).applyTo(current));
    }

    private static void assertUnprocessable(Runnable action, String... fragments) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNPROCESSABLE_CONTENT))
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }

    // HS-ADM-031, HS-ADM-032
    @Test
    void absentAndNullAreDefaultAndDefaultsAreOmitted() {
        assertThat(quota("{}")).isEqualTo(QuotaOverrides.NONE);
        assertThat(quota("{\"storage_quota_mb\":null,\"rate_read\":null,\"rate_write\":null,\"rate_read_burst\":null,"
                + "\"rate_write_burst\":null,\"allowed_write_paths\":null}")).isEqualTo(QuotaOverrides.NONE);
        assertThat(QuotaJson.write(QuotaOverrides.NONE)).isEqualTo("{}");
        assertThat(quota("{\"unknown\":true}")).isEqualTo(QuotaOverrides.NONE);
    }

    // HS-ADM-033, HS-ADM-036, HS-ADM-037
    @Test
    void everyFieldRoundTripsInTheReferenceOrder() {
        String text = "{\"storage_quota_mb\":\"unlimited\",\"rate_read\":\"100mb/m\",\"rate_write\":\"unlimited\","
                + "\"rate_read_burst\":50,\"allowed_write_paths\":[\"/pub/tokens/\",\"/pub/profile.json\"]}";
        QuotaOverrides q = quota(text);
        assertThat(q).isEqualTo(new QuotaOverrides(OptionalLong.of(QuotaOverrides.UNLIMITED), Optional.of("100mb/m"),
                Optional.of("unlimited"), OptionalInt.of(50), OptionalInt.empty(),
                Optional.of(List.of("/pub/tokens/", "/pub/profile.json"))));
        assertThat(QuotaJson.write(q)).isEqualTo(text);
        assertThat(QuotaJson.parseQuota(json(QuotaJson.write(q)))).isEqualTo(q);
        assertThat(QuotaJson.write(quota("{\"storage_quota_mb\":500}"))).isEqualTo("{\"storage_quota_mb\":500}");
    }

    // HS-ADM-034
    @Test
    void bandwidthRatesFollowTheReferenceGrammar() {
        for (String rate : List.of("100mb/m", "1gb/d", "500kb/s", "10mb/h", "999gb/d", "1kb/s", "1gb/s", "500mb/d")) {
            assertThat(quota("{\"rate_read\":\"" + rate + "\"}").rateRead()).contains(rate);
        }
        assertThat(quota("{\"rate_write\":\"010MB/S\"}").rateWrite()).contains("10mb/s");
        assertUnprocessable(() -> quota("{\"rate_read\":\"100r/m\"}"), "does not accept");
        for (String bad : List.of("rubbish", "mb/s", "0mb/s", "10mb/x", "10mb/s/s", "10 mb/s", "4294967296kb/s", "")) {
            assertUnprocessable(() -> quota("{\"rate_read\":\"" + bad + "\"}"), "rate_read");
        }
        assertUnprocessable(() -> quota("{\"rate_read\":10}"), "rate_read");
    }

    @Test
    void storageQuotaIsANonNegativeIntegerOrUnlimited() {
        assertThat(quota("{\"storage_quota_mb\":0}").storageQuotaMb()).hasValue(0);
        assertThat(quota("{\"storage_quota_mb\":99999999999}").storageQuotaMb()).hasValue(Integer.MAX_VALUE);
        for (String bad : List.of("-1", "1.5", "\"lots\"", "true", "[]", "{}", "1e3")) {
            assertUnprocessable(() -> quota("{\"storage_quota_mb\":" + bad + "}"), "storage_quota_mb");
        }
    }

    // HS-ADM-035
    @Test
    void burstsNeedAnExplicitRateAndStayInRange() {
        assertThat(quota("{\"rate_read\":\"10mb/s\",\"rate_read_burst\":2147483647}").rateReadBurst())
                .hasValue(Integer.MAX_VALUE);
        assertUnprocessable(() -> quota("{\"rate_read\":\"10mb/s\",\"rate_read_burst\":0}"), "zero");
        assertUnprocessable(() -> quota("{\"rate_write\":\"10mb/s\",\"rate_write_burst\":2147483648}"),
                "rate_write_burst", "exceeds maximum");
        assertUnprocessable(() -> quota("{\"rate_read_burst\":5}"),
                "rate_read_burst requires the corresponding rate to be set to a value");
        assertUnprocessable(() -> quota("{\"rate_write\":\"unlimited\",\"rate_write_burst\":5}"), "rate_write_burst");
        assertUnprocessable(() -> quota("{\"rate_read\":\"1mb/s\",\"rate_read_burst\":-3}"), "rate_read_burst");
        QuotaOverrides withBurst = quota("{\"rate_read\":\"10mb/s\",\"rate_read_burst\":7}");
        assertThat(patch(withBurst, "{\"rate_read_burst\":null}").rateReadBurst()).isEmpty();
        assertUnprocessable(() -> patch(withBurst, "{\"rate_read\":null}"), "requires the corresponding rate");
        assertUnprocessable(() -> QuotaJson.parsePatch(json("{\"rate_read_burst\":0}")), "zero");
    }

    // HS-ADM-038
    @Test
    void writePathsAreCanonicalDistinctAndNotTheRoot() {
        assertThat(quota("{\"allowed_write_paths\":[]}").allowedWritePaths()).contains(List.of());
        for (String bad : List.of("pub/tokens/", "/pub/../etc/", "/pub//tokens/", "no-leading-slash/", "/pub/./x")) {
            assertUnprocessable(() -> quota("{\"allowed_write_paths\":[\"" + bad + "\"]}"), "allowed_write_paths[0]");
        }
        assertUnprocessable(() -> quota("{\"allowed_write_paths\":[\"/\"]}"), "must not be '/'");
        assertUnprocessable(() -> quota("{\"allowed_write_paths\":[\"/pub/a/\",\"/pub/a/\"]}"), "duplicate");
        assertUnprocessable(() -> QuotaJson.parsePatch(json("{\"allowed_write_paths\":[\"/pub/a\",\"/pub/a\"]}")),
                "duplicate");
        assertUnprocessable(() -> quota("{\"allowed_write_paths\":\"/pub/\"}"), "allowed_write_paths");
        assertUnprocessable(() -> quota("{\"allowed_write_paths\":[1]}"), "allowed_write_paths[0]");
    }

    // HS-ADM-030, HS-ADM-037
    @Test
    void patchesKeepAbsentFieldsResetNullsAndSetValues() {
        QuotaOverrides q = patch(QuotaOverrides.NONE,
                "{\"storage_quota_mb\":500,\"rate_read\":\"100mb/m\",\"rate_write\":\"50mb/m\"}");
        assertThat(patch(q, "{}")).isEqualTo(q);
        QuotaOverrides smaller = patch(q, "{\"storage_quota_mb\":200}");
        assertThat(QuotaJson.write(smaller))
                .isEqualTo("{\"storage_quota_mb\":200,\"rate_read\":\"100mb/m\",\"rate_write\":\"50mb/m\"}");
        QuotaOverrides unlimitedWrite = patch(smaller, "{\"rate_write\":\"unlimited\"}");
        assertThat(QuotaJson.write(unlimitedWrite))
                .isEqualTo("{\"storage_quota_mb\":200,\"rate_read\":\"100mb/m\",\"rate_write\":\"unlimited\"}");
        assertThat(patch(unlimitedWrite, "{\"storage_quota_mb\":null,\"rate_read\":null,\"rate_write\":null}"))
                .isEqualTo(QuotaOverrides.NONE);
        QuotaOverrides paths = patch(QuotaOverrides.NONE, "{\"allowed_write_paths\":[\"/pub/tokens/\"]}");
        assertThat(patch(paths, "{\"storage_quota_mb\":1}").allowedWritePaths()).contains(List.of("/pub/tokens/"));
        assertThat(patch(paths, "{\"allowed_write_paths\":null}").allowedWritePaths()).isEmpty();
        assertThat(patch(paths, "{\"allowed_write_paths\":[]}").allowedWritePaths()).contains(List.of());
    }

    // HS-ADM-025, HS-ADM-026
    @Test
    void effectiveLimitsFallBackToDefaultsThenUnlimited() {
        QuotaDefaults defaults = new QuotaDefaults(OptionalLong.of(100), Optional.of(BandwidthRate.parse("10mb/s")),
                Optional.of(BandwidthRate.parse("5mb/s")), Optional.empty());
        assertThat(effective(QuotaOverrides.NONE, QuotaDefaults.NONE))
                .isEqualTo("{\"storage_quota_mb\":\"unlimited\",\"rate_read\":\"unlimited\",\"rate_write\":\"unlimited\"}");
        assertThat(effective(QuotaOverrides.NONE, defaults))
                .isEqualTo("{\"storage_quota_mb\":100,\"rate_read\":\"10mb/s\",\"rate_write\":\"5mb/s\"}");
        QuotaOverrides q = patch(QuotaOverrides.NONE, "{\"storage_quota_mb\":500,\"rate_read\":\"unlimited\"}");
        assertThat(effective(q, defaults))
                .isEqualTo("{\"storage_quota_mb\":500,\"rate_read\":\"unlimited\",\"rate_write\":\"5mb/s\"}");
        assertThat(QuotaJson.write(q)).isEqualTo("{\"storage_quota_mb\":500,\"rate_read\":\"unlimited\"}");
    }

    // HS-ADM-039, HS-ADM-040, HS-ADM-041 (the matcher the storage service applies)
    @Test
    void allowListMatchesDirectoriesByPrefixAndFilesExactly() {
        List<String> dirs = List.of("/pub/tokens/", "/pub/paykit/");
        assertThat(WritePaths.allows(dirs, "/pub/tokens/foo.json")).isTrue();
        assertThat(WritePaths.allows(dirs, "/pub/tokens/a/b/c")).isTrue();
        assertThat(WritePaths.allows(dirs, "/pub/paykit/bar")).isTrue();
        for (String no : List.of("/pub/tokens", "/pub/token", "/pub/tokenstore/foo.json", "/pub/other/file")) {
            assertThat(WritePaths.allows(dirs, no)).as(no).isFalse();
        }
        List<String> mixed = List.of("/pub/profile.json", "/pub/app/");
        assertThat(WritePaths.allows(mixed, "/pub/profile.json")).isTrue();
        assertThat(WritePaths.allows(mixed, "/pub/app/x")).isTrue();
        for (String no : List.of("/pub/profile.json/sub", "/pub/profile.jsonx", "/pub/other.json")) {
            assertThat(WritePaths.allows(mixed, no)).as(no).isFalse();
        }
        assertThat(WritePaths.allows(List.of(), "/pub/anything")).isFalse();
    }

    @Test
    void syntaxErrorsAre400AndNonObjects422() {
        for (String bad : List.of("", "{", "{\"a\":}", "nul", "{\"storage_quota_mb\":1,}")) {
            assertThatThrownBy(() -> quota(bad)).isInstanceOfSatisfying(PubkyException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                    .hasMessageStartingWith("Failed to parse the request body as JSON");
        }
        for (String notObject : List.of("[]", "null", "1", "\"x\"")) {
            assertUnprocessable(() -> quota(notObject), "JSON object");
            assertUnprocessable(() -> QuotaJson.parsePatch(json(notObject)), "JSON object");
        }
    }

    @Test
    void randomAndMutatedBodiesFailOnlyWithPubkyException() {
        Random random = new Random(20260821L);
        String seed = "{\"storage_quota_mb\":500,\"rate_read\":\"100mb/m\",\"rate_read_burst\":3,"
                + "\"allowed_write_paths\":[\"/pub/a/\"]}";
        for (int i = 0; i < 5000; i++) {
            byte[] body = json(seed);
            if (i % 2 == 0) {
                body = new byte[random.nextInt(80)];
                random.nextBytes(body);
            } else {
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    body[random.nextInt(body.length)] = (byte) random.nextInt(128);
                }
            }
            byte[] input = body;
            for (Runnable parse : List.<Runnable>of(() -> QuotaJson.parseQuota(input), () -> QuotaJson.parsePatch(input))) {
                try {
                    parse.run();
                } catch (PubkyException e) {
                    assertThat(e.code()).isIn(ErrorCode.MALFORMED_INPUT, ErrorCode.UNPROCESSABLE_CONTENT);
                }
            }
        }
    }

    private static String effective(QuotaOverrides q, QuotaDefaults defaults) {
        JsonWriter w = new JsonWriter();
        QuotaJson.writeEffective(w, q, defaults);
        return w.toString();
    }
}
