package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.storage.BearerSession;
import org.pubky.spi.storage.CookieSession;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.GrantRecord;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.SignupTokenRecord;
import org.pubky.spi.storage.SignupTokenState;
import org.pubky.spi.storage.StoreCapability;

/**
 * Closing and reopening. A {@link StoreCapability#DURABLE} store gives back every kind of
 * record, and its event cursors keep increasing across reopenings. A store without the
 * capability is honest about it: reopened, it is empty and its log starts again from zero.
 */
@Timeout(60)
public interface DurabilityContract extends MetadataStoreFixture {
    /** What was written before reopening. */
    record Written(String user, String other, SignupTokenRecord unused, SignupTokenRecord used, CookieSession session,
            GrantRecord active, GrantRecord revoked, byte[] bearer, Instant bearerExpiry, StoreSnapshot snapshot) {
    }

    /** Writes one record of every kind. */
    default Written writeEveryKind() {
        String user = newUser();
        String other = newUser();
        store().users().setQuota(user, UserContract.FULL_QUOTA);
        store().users().setDisabled(other, true);
        SignupTokenRecord unused = SignupTokenRecord.unused(TckData.signupToken(), clock().instant(),
                SignupContract.TEMPLATE);
        SignupTokenRecord token = SignupTokenRecord.unused(TckData.signupToken(), clock().instant(),
                SignupContract.TEMPLATE);
        store().signupTokens().create(unused);
        store().signupTokens().create(token);
        String signedUp = TckData.userKey();
        store().users().create(signedUp, clock().tick(), Optional.of(token.token()));
        CookieSession session = new CookieSession("session-id", user, "/:rw", clock().instant());
        store().sessions().create(session);
        Instant now = clock().instant();
        GrantRecord active = store().grants().storeIfAbsent(new GrantRecord("active", user, "a.app",
                TckData.userKey(), "/pub/a/:rw", now, now.plus(Duration.ofHours(1)), Optional.empty(), now));
        GrantRecord revoked = store().grants().storeIfAbsent(new GrantRecord("revoked", user, "b.app",
                TckData.userKey(), "/:rw", now, now.plus(Duration.ofHours(1)), Optional.empty(), now));
        store().grants().revoke("revoked", clock().tick());
        byte[] bearer = TckData.hash("durable bearer");
        Instant expiry = later(3_600_000_000L);
        store().grants().replaceBearer("active", bearer, expiry);
        store().replays().firstUse("pop:durable", clock().instant());
        put(user, "/pub/a/1", 10);
        put(user, "/pub/a/2", 20);
        put(user, "/pub/\ud83d\ude00", 30);
        put(other, "/priv/x", 40);
        delete(user, "/pub/a/2");
        SignupTokenRecord used = store().signupTokens().find(token.token()).orElseThrow();
        assertThat(revoked.revokedAt()).isEmpty();
        return new Written(user, other, unused, used, session, active, store().grants().find("revoked").orElseThrow(),
                bearer, expiry, snapshot(user, other, signedUp));
    }

    @Test
    default void reopenedStoreKeepsEveryRecordIfDurableAndNoneOtherwise() {
        Written w = writeEveryKind();
        boolean durable = store().capabilities().contains(StoreCapability.DURABLE);

        MetadataStore reopened = reopen();

        assertThat(reopened.capabilities()).isEqualTo(store().capabilities());
        String[] users = w.snapshot().users().keySet().toArray(String[]::new);
        if (durable) {
            assertThat(snapshot(users)).isEqualTo(w.snapshot());
            assertThat(reopened.signupTokens().find(w.unused().token())).contains(w.unused());
            assertThat(reopened.signupTokens().find(w.used().token())).contains(w.used());
            assertThat(reopened.sessions().find("session-id")).contains(w.session());
            assertThat(reopened.grants().find("active")).contains(w.active());
            assertThat(reopened.grants().find("revoked")).contains(w.revoked());
            assertThat(reopened.grants().listActive(w.user(), clock().instant())).containsExactly(w.active());
            assertThat(reopened.grants().findBearer(w.bearer())).contains(new BearerSession(w.active(),
                    w.bearerExpiry()));
            assertThat(reopened.replays().firstUse("pop:durable", clock().instant())).isFalse();
            assertThat(reopened.entries().directoryExists(w.user(), "/pub/a/")).isTrue();
        } else {
            for (String user : users) {
                assertThat(reopened.users().find(user)).isEmpty();
                assertThat(listAll(user, "/", false, false)).isEmpty();
            }
            assertThat(reopened.signupTokens().count(SignupTokenState.ALL)).isZero();
            assertThat(reopened.sessions().find("session-id")).isEmpty();
            assertThat(reopened.grants().find("active")).isEmpty();
            assertThat(reopened.grants().findBearer(w.bearer())).isEmpty();
            assertThat(reopened.replays().firstUse("pop:durable", clock().instant())).isTrue();
            assertThat(reopened.events().lastCursor()).isZero();
            assertThat(allEvents()).isEmpty();
        }
    }

    @Test
    default void eventCursorsKeepIncreasingAcrossReopenings() {
        String user = newUser();
        long last = put(user, "/pub/0", 1).event().cursor();
        boolean durable = store().capabilities().contains(StoreCapability.DURABLE);

        for (int i = 1; i <= 3; i++) {
            reopen();
            if (!durable) {
                assertThat(store().events().lastCursor()).isZero();
                user = newUser();
                last = 0;
            } else {
                assertThat(store().events().lastCursor()).isEqualTo(last);
            }
            Event event = put(user, "/pub/" + i, 1).event();
            assertThat(event.cursor()).isGreaterThan(last);
            last = event.cursor();
        }
        List<Event> events = allEvents();
        assertThat(events).extracting(Event::cursor).isSorted().doesNotHaveDuplicates();
        assertThat(events).hasSize(durable ? 4 : 1);
    }
}
