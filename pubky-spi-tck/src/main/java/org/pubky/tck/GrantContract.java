package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.BearerSession;
import org.pubky.spi.storage.GrantRecord;

/** {@link org.pubky.spi.storage.GrantStore}: grants, revocation and bearer tokens. */
@Timeout(60)
public interface GrantContract extends MetadataStoreFixture {
    /** A grant of {@code user} valid for an hour from now. */
    default GrantRecord grant(String grantId, String user, String clientId) {
        Instant now = clock().instant();
        return new GrantRecord(grantId, user, clientId, TckData.userKey(), "/pub/app/:rw", now,
                now.plus(Duration.ofHours(1)), Optional.empty(), now);
    }

    @Test
    default void firstStoredCopyWins() {
        String user = newUser();
        GrantRecord first = grant("g-1", user, "first.app");
        GrantRecord second = new GrantRecord("g-1", user, "second.app", TckData.userKey(), "/:rw",
                later(10), later(20), Optional.empty(), later(10));

        assertThat(store().grants().storeIfAbsent(first)).isEqualTo(first);
        assertThat(store().grants().storeIfAbsent(second)).isEqualTo(first);
        assertThat(store().grants().find("g-1")).contains(first);
        assertThat(store().grants().find("g-2")).isEmpty();
    }

    @Test
    default void grantOfUnknownUserIsNotFound() {
        GrantRecord orphan = grant("orphan", TckData.userKey(), "x.app");

        assertThatThrownBy(() -> store().grants().storeIfAbsent(orphan))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(store().grants().find("orphan")).isEmpty();
    }

    @Test
    default void revokeMarksTheGrantDeletesItsBearersAndKeepsTheFirstTime() {
        String user = newUser();
        GrantRecord grant = store().grants().storeIfAbsent(grant("rev", user, "a.app"));
        GrantRecord other = store().grants().storeIfAbsent(grant("keep", user, "b.app"));
        byte[] token = TckData.hash("token-rev");
        byte[] otherToken = TckData.hash("token-keep");
        store().grants().replaceBearer("rev", token, later(3_600_000_000L));
        store().grants().replaceBearer("keep", otherToken, later(3_600_000_000L));
        Instant first = clock().tick();

        assertThat(store().grants().revoke("rev", first)).isTrue();
        assertThat(store().grants().revoke("rev", clock().tick())).isTrue();

        assertThat(store().grants().find("rev")).contains(grant.revoked(first));
        assertThat(store().grants().findBearer(token)).isEmpty();
        assertThat(store().grants().findBearer(otherToken)).map(BearerSession::grant).contains(other);
        assertThat(store().grants().revoke("unknown", clock().tick())).isFalse();
    }

    @Test
    default void activeGrantsExcludeRevokedExpiredAndOtherUsersAndAreOrderedById() {
        String user = newUser();
        String other = newUser();
        Instant now = clock().instant();
        // ids chosen so that byte order differs from case-insensitive or locale-aware order
        for (String id : List.of("b", "B", "_x", "-y", "0", "a-", "a_")) {
            store().grants().storeIfAbsent(grant(id, user, "app"));
        }
        store().grants().storeIfAbsent(grant("revoked", user, "app"));
        store().grants().revoke("revoked", now);
        store().grants().storeIfAbsent(new GrantRecord("expired", user, "app", TckData.userKey(), "/:rw",
                now.minusSeconds(7200), now, Optional.empty(), now));
        store().grants().storeIfAbsent(grant("foreign", other, "app"));

        assertThat(store().grants().listActive(user, now)).extracting(GrantRecord::grantId)
                .containsExactly("-y", "0", "B", "_x", "a-", "a_", "b");
        assertThat(store().grants().listActive(other, now)).extracting(GrantRecord::grantId).containsExactly("foreign");
        assertThat(store().grants().listActive(user, now.plus(Duration.ofHours(2)))).isEmpty();
        assertThat(store().grants().listActive(TckData.userKey(), now)).isEmpty();
    }

    @Test
    default void replaceBearerLeavesExactlyTheNewToken() {
        String user = newUser();
        GrantRecord grant = store().grants().storeIfAbsent(grant("g", user, "a.app"));
        byte[] first = TckData.hash("first");
        byte[] second = TckData.hash("second");
        Instant firstExpiry = later(1_000_000);
        Instant secondExpiry = later(2_000_000);

        store().grants().replaceBearer("g", first, firstExpiry);
        assertThat(store().grants().findBearer(first)).contains(new BearerSession(grant, firstExpiry));
        store().grants().replaceBearer("g", second, secondExpiry);

        assertThat(store().grants().findBearer(first)).isEmpty();
        assertThat(store().grants().findBearer(second)).contains(new BearerSession(grant, secondExpiry));
        assertThat(store().grants().findBearer(TckData.hash("never"))).isEmpty();
    }

    @Test
    default void bearerHashIsCopiedByTheStore() {
        String user = newUser();
        store().grants().storeIfAbsent(grant("copy", user, "a.app"));
        byte[] hash = TckData.hash("copy");
        byte[] original = hash.clone();
        store().grants().replaceBearer("copy", hash, later(1_000_000));

        hash[0] ^= 1;

        assertThat(store().grants().findBearer(original)).isPresent();
        assertThat(store().grants().findBearer(hash)).isEmpty();
    }

    @Test
    default void bearerOfUnknownGrantIsNotFound() {
        assertThatThrownBy(() -> store().grants().replaceBearer("nope", TckData.hash("x"), later(5)))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(store().grants().findBearer(TckData.hash("x"))).isEmpty();
    }

    @Test
    default void bearerShowsTheGrantAsStoredNow() {
        String user = newUser();
        GrantRecord grant = store().grants().storeIfAbsent(grant("live", user, "a.app"));
        byte[] token = TckData.hash("live");
        store().grants().replaceBearer("live", token, later(1_000_000));
        // a second presentation of the grant does not change the stored copy the bearer shows
        store().grants().storeIfAbsent(grant("live", user, "changed.app"));

        assertThat(store().grants().findBearer(token).orElseThrow().grant()).isEqualTo(grant);
    }

    @Test
    default void purgeDeletesOnlyBearersThatExpiredBeforeNow() {
        String user = newUser();
        Instant now = clock().instant();
        for (String id : List.of("p1", "p2", "p3")) {
            store().grants().storeIfAbsent(grant(id, user, "a.app"));
        }
        store().grants().replaceBearer("p1", TckData.hash("p1"), now.minusSeconds(10));
        store().grants().replaceBearer("p2", TckData.hash("p2"), now.minusSeconds(1));
        store().grants().replaceBearer("p3", TckData.hash("p3"), now.plusSeconds(60));

        assertThat(store().grants().purgeExpiredBearers(now)).isEqualTo(2);

        assertThat(store().grants().findBearer(TckData.hash("p1"))).isEmpty();
        assertThat(store().grants().findBearer(TckData.hash("p2"))).isEmpty();
        assertThat(store().grants().findBearer(TckData.hash("p3"))).isPresent();
        assertThat(store().grants().find("p1")).isPresent();
        assertThat(store().grants().purgeExpiredBearers(now)).isZero();
    }
}
