package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.CookieSession;

/** {@link org.pubky.spi.storage.SessionStore}: legacy cookie sessions. */
@Timeout(60)
public interface SessionContract extends MetadataStoreFixture {
    @Test
    default void sessionRoundTripsAndDeletesIdempotently() {
        String user = newUser();
        CookieSession session = new CookieSession("x".repeat(128), user, "/pub/ünï/:rw,/:r", clock().instant());

        store().sessions().create(session);

        assertThat(store().sessions().find(session.id())).contains(session);
        assertThat(store().sessions().delete(session.id())).isTrue();
        assertThat(store().sessions().find(session.id())).isEmpty();
        assertThat(store().sessions().delete(session.id())).isFalse();
    }

    @Test
    default void sessionOfUnknownUserIsNotFound() {
        CookieSession session = new CookieSession("id-1", TckData.userKey(), "/:rw", clock().instant());

        assertThatThrownBy(() -> store().sessions().create(session))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(store().sessions().find("id-1")).isEmpty();
    }

    @Test
    default void takenSessionIdConflictsAndKeepsTheFirst() {
        String user = newUser();
        String other = newUser();
        CookieSession first = new CookieSession("same-id", user, "/:rw", clock().instant());
        store().sessions().create(first);

        assertThatThrownBy(() -> store().sessions().create(new CookieSession("same-id", other, "/pub/:r", later(1))))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(store().sessions().find("same-id")).contains(first);
    }

    @Test
    default void sessionsAreIndependentAndIdsAreCaseSensitive() {
        String user = newUser();
        CookieSession upper = new CookieSession("ABC", user, "/:rw", clock().instant());
        CookieSession lower = new CookieSession("abc", user, "/pub/:r", later(2));
        store().sessions().create(upper);
        store().sessions().create(lower);

        assertThat(store().sessions().delete("ABC")).isTrue();

        assertThat(store().sessions().find("ABC")).isEmpty();
        assertThat(store().sessions().find("abc")).contains(lower);
        assertThat(store().sessions().find("unknown")).isEmpty();
        assertThat(store().sessions().delete("unknown")).isFalse();
    }
}
