package org.pubky.store.lmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.CookieSession;
import org.pubky.spi.storage.GrantRecord;
import org.pubky.spi.storage.QuotaOverrides;
import org.pubky.spi.storage.SignupTokenRecord;
import org.pubky.spi.storage.SignupTokenState;
import org.pubky.spi.storage.UnitProbe;
import org.pubky.spi.storage.UserRecord;
import org.pubky.spi.storage.UserStats;

/** Users, signup tokens, cookie sessions, grants with bearers, and single-use values. */
final class AccountsTest {
    private static final String U = Fixtures.user(1);
    private static final Instant T = Fixtures.T0;

    @TempDir
    Path dir;
    private final AtomicBoolean failBearers = new AtomicBoolean();
    private final AtomicBoolean failUser = new AtomicBoolean();
    private LmdbMetadataStore store;

    @BeforeEach
    void open() {
        store = Fixtures.open(dir, Map.of(), point -> {
            if ((point.equals(UnitProbe.BEARERS_DELETED) && failBearers.get())
                    || (point.equals(UnitProbe.USER_CREATED) && failUser.get())) {
                throw new IllegalStateException("injected");
            }
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static void assertCode(Runnable call, ErrorCode code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(PubkyException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void signupWithTokensChecksInOrderAndCopiesTheQuota() {
        QuotaOverrides quota = new QuotaOverrides(OptionalLong.of(5), Optional.empty(), Optional.empty(),
                java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), Optional.of(List.of("/pub/app/")));
        store.signupTokens().create(SignupTokenRecord.unused("AAAA-AAAA-AAAA", T, quota));
        assertCode(() -> store.signupTokens().create(SignupTokenRecord.unused("AAAA-AAAA-AAAA", T, quota)),
                ErrorCode.CONFLICT, "Signup token already exists");
        assertCode(() -> store.users().create(U, T, Optional.of("ZZZZ-ZZZZ-ZZZZ")), ErrorCode.UNAUTHORIZED,
                "Invalid token");
        failUser.set(true);
        assertThatThrownBy(() -> store.users().create(U, T, Optional.of("AAAA-AAAA-AAAA"))).hasMessage("injected");
        failUser.set(false);
        assertThat(store.users().find(U)).isEmpty();
        assertThat(store.signupTokens().find("AAAA-AAAA-AAAA").orElseThrow().usedBy()).isEmpty();

        UserRecord created = store.users().create(U, T, Optional.of("AAAA-AAAA-AAAA"));
        assertThat(created.quota()).isEqualTo(quota);
        assertThat(store.users().find(U)).contains(created);
        SignupTokenRecord used = store.signupTokens().find("AAAA-AAAA-AAAA").orElseThrow();
        assertThat(used.usedBy()).contains(U);
        assertThat(used.usedAt()).contains(T);
        assertCode(() -> store.users().create(U, T, Optional.of("ZZZZ-ZZZZ-ZZZZ")), ErrorCode.CONFLICT,
                "User already exists");
        assertCode(() -> store.users().create(Fixtures.user(2), T, Optional.of("AAAA-AAAA-AAAA")),
                ErrorCode.UNAUTHORIZED, "Token already used");
    }

    @Test
    void tokensPageByStateAndCountInConstantTime() {
        for (int i = 0; i < 25; i++) {
            store.signupTokens().create(SignupTokenRecord.unused(String.format("TOKN-%04d-XXXX", i), T,
                    QuotaOverrides.NONE));
        }
        for (int i = 0; i < 25; i += 3) {
            store.users().create(Fixtures.user(100 + i), T, Optional.of(String.format("TOKN-%04d-XXXX", i)));
        }
        assertThat(store.signupTokens().count(SignupTokenState.ALL)).isEqualTo(25);
        assertThat(store.signupTokens().count(SignupTokenState.USED)).isEqualTo(9);
        assertThat(store.signupTokens().count(SignupTokenState.UNUSED)).isEqualTo(16);
        for (SignupTokenState state : SignupTokenState.values()) {
            List<String> all = new java.util.ArrayList<>();
            Optional<String> after = Optional.empty();
            while (true) {
                List<SignupTokenRecord> page = store.signupTokens().list(after, 4, state);
                page.forEach(t -> assertThat(state.includes(t)).isTrue());
                page.forEach(t -> all.add(t.token()));
                if (page.size() < 4) {
                    break;
                }
                after = Optional.of(page.get(3).token());
            }
            assertThat(all).isSorted().hasSize((int) store.signupTokens().count(state));
        }
    }

    @Test
    void usersListStatsDisableAndQuota() {
        for (int i = 0; i < 10; i++) {
            store.users().create(Fixtures.user(i), T.plusSeconds(i), Optional.empty());
        }
        List<UserRecord> first = store.users().list(Optional.empty(), 4);
        List<UserRecord> rest = store.users().list(Optional.of(first.get(3).user()), 100);
        assertThat(first).hasSize(4);
        assertThat(rest).hasSize(6);
        List<String> all = new java.util.ArrayList<>(first.stream().map(UserRecord::user).toList());
        rest.forEach(r -> all.add(r.user()));
        assertThat(all).isSorted().doesNotHaveDuplicates();
        store.users().setDisabled(U, true);
        store.users().setDisabled(U, true);
        store.users().setDisabled(Fixtures.user(2), true);
        store.users().setDisabled(Fixtures.user(2), false);
        store.entries().put(Fixtures.put(U, "/pub/a", 44));
        assertThat(store.users().stats()).isEqualTo(new UserStats(10, 1, 300));
        UserRecord q = store.users().setQuota(U, new QuotaOverrides(OptionalLong.of(QuotaOverrides.UNLIMITED),
                Optional.of("1mb/s"), Optional.empty(), java.util.OptionalInt.empty(), java.util.OptionalInt.empty(),
                Optional.empty()));
        assertThat(store.users().find(U)).contains(q);
        assertThat(q.disabled()).isTrue();
        assertThat(q.usedBytes()).isEqualTo(300);
        assertCode(() -> store.users().setDisabled(Fixtures.user(99), true), ErrorCode.NOT_FOUND, "User not found");
        assertCode(() -> store.users().setQuota(Fixtures.user(99), QuotaOverrides.NONE), ErrorCode.NOT_FOUND,
                "User not found");
    }

    @Test
    void cookieSessions() {
        CookieSession s = new CookieSession("digest-1", U, "/:rw", T);
        assertThatThrownBy(() -> store.sessions().create(s)).isInstanceOfSatisfying(PubkyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        store.users().create(U, T, Optional.empty());
        store.sessions().create(s);
        assertThatThrownBy(() -> store.sessions().create(s)).isInstanceOfSatisfying(PubkyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(store.sessions().find("digest-1")).contains(s);
        assertThat(store.sessions().find("ß".repeat(128))).isEmpty();
        assertThat(store.sessions().delete("digest-1")).isTrue();
        assertThat(store.sessions().delete("digest-1")).isFalse();
        assertThat(store.sessions().find("digest-1")).isEmpty();
    }

    private static GrantRecord grant(String id, String user, Instant expires) {
        return new GrantRecord(id, user, "app", Fixtures.user(50), "/pub/app/:rw", T, expires, Optional.empty(), T);
    }

    @Test
    void grantsAndBearers() {
        assertThatThrownBy(() -> store.grants().storeIfAbsent(grant("g1", U, T.plusSeconds(60))))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        store.users().create(U, T, Optional.empty());
        store.users().create(Fixtures.user(2), T, Optional.empty());
        GrantRecord g1 = store.grants().storeIfAbsent(grant("g1", U, T.plusSeconds(60)));
        GrantRecord again = new GrantRecord("g1", U, "other", Fixtures.user(51), "/:rw", T, T.plusSeconds(999),
                Optional.empty(), T.plusSeconds(5));
        assertThat(store.grants().storeIfAbsent(again)).isEqualTo(g1);
        store.grants().storeIfAbsent(grant("g0", U, T.plusSeconds(60)));
        store.grants().storeIfAbsent(grant("g2", U, T.minusSeconds(1)));
        store.grants().storeIfAbsent(grant("g3", Fixtures.user(2), T.plusSeconds(60)));
        assertThat(store.grants().listActive(U, T).stream().map(GrantRecord::grantId)).containsExactly("g0", "g1");

        byte[] h1 = Fixtures.hash(1);
        byte[] h2 = Fixtures.hash(2);
        store.grants().replaceBearer("g1", h1, T.plusSeconds(10));
        assertThat(store.grants().findBearer(h1)).hasValueSatisfying(b -> {
            assertThat(b.grant()).isEqualTo(g1);
            assertThat(b.expiresAt()).isEqualTo(T.plusSeconds(10));
        });
        failBearers.set(true);
        assertThatThrownBy(() -> store.grants().replaceBearer("g1", h2, T.plusSeconds(20))).hasMessage("injected");
        failBearers.set(false);
        assertThat(store.grants().findBearer(h1)).isPresent();
        assertThat(store.grants().findBearer(h2)).isEmpty();
        store.grants().replaceBearer("g1", h2, T.plusSeconds(20));
        assertThat(store.grants().findBearer(h1)).isEmpty();
        assertThat(store.grants().findBearer(h2)).isPresent();
        assertCode(() -> store.grants().replaceBearer("nope", h1, T), ErrorCode.NOT_FOUND, "Grant not found");

        store.grants().replaceBearer("g0", Fixtures.hash(3), T.plusSeconds(5));
        store.grants().replaceBearer("g3", Fixtures.hash(4), T.plusSeconds(50));
        assertThat(store.grants().purgeExpiredBearers(T.plusSeconds(5))).isZero();
        assertThat(store.grants().purgeExpiredBearers(T.plusSeconds(21))).isEqualTo(2);
        assertThat(store.grants().findBearer(h2)).isEmpty();
        assertThat(store.grants().findBearer(Fixtures.hash(4))).isPresent();

        store.grants().replaceBearer("g1", h1, T.plusSeconds(100));
        assertThat(store.grants().revoke("g1", T.plusSeconds(1))).isTrue();
        assertThat(store.grants().revoke("g1", T.plusSeconds(2))).isTrue();
        assertThat(store.grants().find("g1").orElseThrow().revokedAt()).contains(T.plusSeconds(1));
        assertThat(store.grants().findBearer(h1)).isEmpty();
        assertThat(store.grants().revoke("missing", T)).isFalse();
        assertThat(store.grants().listActive(U, T).stream().map(GrantRecord::grantId)).containsExactly("g0");
        // the bearer purge index forgot the revoked grant's token: nothing left to purge for it
        assertThat(store.grants().purgeExpiredBearers(T.plusSeconds(1000))).isEqualTo(1);
    }

    @Test
    void singleUseValuesAndPurgeByTime() {
        assertThat(store.replays().firstUse("pop:a", T)).isTrue();
        assertThat(store.replays().firstUse("pop:a", T.plusSeconds(1))).isFalse();
        assertThat(store.replays().firstUse("pop:b", T.plusSeconds(10))).isTrue();
        assertThat(store.replays().firstUse("auth:" + "€".repeat(120), T.plusSeconds(20))).isTrue();
        assertThat(store.replays().firstUse("pop:old", T.minusSeconds(100_000))).isTrue();
        assertThat(store.replays().purgeOlderThan(T.plusSeconds(10))).isEqualTo(2);
        assertThat(store.replays().firstUse("pop:a", T)).isTrue();
        assertThat(store.replays().firstUse("pop:b", T)).isFalse();
        assertThat(store.replays().purgeOlderThan(T.plusSeconds(3600))).isEqualTo(3);
        assertThatThrownBy(() -> store.replays().firstUse("x".repeat(129), T))
                .isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
    }
}
