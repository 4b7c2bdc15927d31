package org.pubky.core.homeserver.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.core.encoding.Json;
import org.pubky.core.homeserver.Homeserver;
import org.pubky.core.homeserver.HomeserverSettings;
import org.pubky.core.keys.Keypair;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.storage.memory.InMemoryBlobStore;
import org.pubky.core.storage.memory.InMemoryMetadataStore;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.QuotaOverrides;
import org.pubky.spi.storage.SignupTokenRecord;
import org.pubky.spi.storage.SignupTokenState;

/** Token paging, listing shapes and the small formats of the admin service, on in-memory stores. */
@Timeout(30)
final class AdminServiceTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05.123456789Z"), ZoneOffset.UTC);
    private final InMemoryMetadataStore metadata = new InMemoryMetadataStore();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final Homeserver homeserver = new Homeserver(Keypair.random(), HomeserverSettings.defaults(), metadata,
            blobs, clock);
    private final AdminService admin = new AdminService(homeserver, "1.2.3", () -> 6286);

    @AfterEach
    void close() {
        homeserver.close();
        metadata.close();
        blobs.close();
    }

    private void seedTokens() {
        for (int i = 1; i <= 4; i++) {
            metadata.signupTokens().create(SignupTokenRecord.unused("0000-0000-000" + i, clock.instant(), QuotaOverrides.NONE));
        }
        metadata.users().create(Keypair.random().publicKey().z32(), clock.instant(), Optional.of("0000-0000-0001"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> page(Map<String, List<String>> query) {
        return (Map<String, Object>) Json.parse(admin.signupTokensJson(SignupTokenQuery.parse(query)));
    }

    @SuppressWarnings("unchecked")
    private static List<String> tokens(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> (String) i.get("token")).toList();
    }

    // HS-ADM-009
    @Test
    void unusedTokensPageWithANextCursorOnlyWhenMoreRemain() {
        seedTokens();
        Map<String, Object> one = page(Map.of("state", List.of("unused"), "limit", List.of("1")));
        assertThat(tokens(one)).containsExactly("0000-0000-0002");
        assertThat(one.get("next_cursor")).isEqualTo("0000-0000-0002");
        Map<String, Object> two = page(Map.of("state", List.of("unused"), "limit", List.of("2")));
        assertThat(tokens(two)).containsExactly("0000-0000-0002", "0000-0000-0003");
        assertThat(two.get("next_cursor")).isEqualTo("0000-0000-0003");
        Map<String, Object> three = page(Map.of("state", List.of("unused"), "limit", List.of("3")));
        assertThat(tokens(three)).containsExactly("0000-0000-0002", "0000-0000-0003", "0000-0000-0004");
        assertThat(three.get("next_cursor")).isNull();
        Map<String, Object> after = page(Map.of("state", List.of("unused"), "limit", List.of("2"),
                "cursor", List.of("0000-0000-0002")));
        assertThat(tokens(after)).containsExactly("0000-0000-0003", "0000-0000-0004");
        assertThat(after.get("next_cursor")).isNull();
    }

    // HS-ADM-010, HS-ADM-011, HS-ADM-012
    @Test
    void stateFiltersOrderAndUsedInformation() {
        seedTokens();
        assertThat(tokens(page(Map.of()))).containsExactly("0000-0000-0001", "0000-0000-0002", "0000-0000-0003",
                "0000-0000-0004");
        assertThat(tokens(page(Map.of("state", List.of("all"))))).hasSize(4);
        assertThat(tokens(page(Map.of("state", List.of("used"))))).containsExactly("0000-0000-0001");
        assertThat(tokens(page(Map.of("state", List.of("unused"))))).hasSize(3);
        Map<String, Object> firstTwo = page(Map.of("limit", List.of("2")));
        assertThat(tokens(firstTwo)).containsExactly("0000-0000-0001", "0000-0000-0002");
        assertThat(firstTwo.get("next_cursor")).isEqualTo("0000-0000-0002");
        @SuppressWarnings("unchecked")
        Map<String, Object> used = ((List<Map<String, Object>>) page(Map.of("state", List.of("used"))).get("items")).get(0);
        assertThat((String) used.get("used_by")).hasSize(52);
        assertThat(used.get("used_at")).isEqualTo("2026-01-02T03:04:05.123456");
        assertThat(used.get("created_at")).isEqualTo("2026-01-02T03:04:05.123456");
    }

    // HS-ADM-013
    @Test
    void badQueriesAreRefused() {
        for (Map<String, List<String>> bad : List.of(Map.of("state", List.of("unknown")),
                Map.of("cursor", List.of("invalid")), Map.of("limit", List.of("0")), Map.of("limit", List.of("-1")),
                Map.of("limit", List.of("65536")), Map.of("limit", List.of("abc")),
                Map.of("state", List.of("used", "unused")))) {
            assertThatThrownBy(() -> SignupTokenQuery.parse(bad)).as(bad.toString())
                    .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
        }
        assertThat(SignupTokenQuery.parse(Map.of("limit", List.of("65535"))).limit()).isEqualTo(SignupTokenQuery.MAX_LIMIT);
        assertThat(SignupTokenQuery.parse(Map.of()).limit()).isEqualTo(100);
        assertThat(SignupTokenQuery.parse(Map.of()).state()).isEqualTo(SignupTokenState.ALL);
    }

    // HS-ADM-014 (template stored), HS-SIGNUP-014
    @Test
    void mintedTokensCarryTheirTemplate() {
        QuotaOverrides template = org.pubky.core.homeserver.quota.QuotaJson.parseQuota(
                "{\"storage_quota_mb\":1024,\"rate_read\":\"200mb/m\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String token = admin.generateSignupToken(template).value();
        assertThat(metadata.signupTokens().find(token).orElseThrow().quota()).isEqualTo(template);
        PublicKey user = Keypair.random().publicKey();
        metadata.users().create(user.z32(), clock.instant(), Optional.of(token));
        assertThat(admin.quotaJson(user)).isEqualTo("{\"effective\":{\"storage_quota_mb\":1024,\"rate_read\":\"200mb/m\","
                + "\"rate_write\":\"unlimited\"},\"overrides\":{\"storage_quota_mb\":1024,\"rate_read\":\"200mb/m\"}}");
    }

    // HS-ADM-001 (shape), HS-ADM-002 (token counters), HS-ADM-046
    @Test
    void infoAndUnknownUsers() {
        seedTokens();
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) Json.parse(admin.infoJson());
        assertThat(info.keySet()).containsExactly("num_users", "num_disabled_users", "total_disk_used_mb",
                "num_signup_codes", "num_unused_signup_codes", "public_key", "pkarr_pubky_address",
                "pkarr_icann_domain", "version");
        assertThat(info).containsEntry("num_users", 1L).containsEntry("num_signup_codes", 4L)
                .containsEntry("num_unused_signup_codes", 3L).containsEntry("pkarr_icann_domain", "localhost:6286")
                .containsEntry("version", "1.2.3").containsEntry("public_key", homeserver.publicKey().z32());
        assertThat(info.get("pkarr_pubky_address")).isNull();
        PublicKey unknown = Keypair.random().publicKey();
        assertThatThrownBy(() -> admin.setDisabled(unknown, true)).isInstanceOfSatisfying(PubkyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> admin.quotaJson(unknown)).isInstanceOfSatisfying(PubkyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void diskUseIsRoundedToWholeMebibytesLikeTheReference() {
        long mib = 1024L * 1024;
        assertThat(AdminService.roundedMebibytes(0)).isZero();
        assertThat(AdminService.roundedMebibytes(mib / 2 - 1)).isZero();
        assertThat(AdminService.roundedMebibytes(mib / 2)).isEqualTo(1);
        assertThat(AdminService.roundedMebibytes(3072 * mib)).isEqualTo(3072);
    }

    @Test
    void timestampsAreNaiveIsoWithMicroseconds() {
        assertThat(AdminService.naiveDateTime(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05");
        assertThat(AdminService.naiveDateTime(Instant.parse("2026-01-02T03:04:05.120Z"))).isEqualTo("2026-01-02T03:04:05.120");
        assertThat(AdminService.naiveDateTime(Instant.parse("2026-01-02T03:04:05.000000999Z"))).isEqualTo("2026-01-02T03:04:05");
    }
}
