package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pubky.spi.storage.BearerSession;
import org.pubky.spi.storage.GrantRecord;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.QuotaOverrides;
import org.pubky.spi.storage.SignupTokenRecord;
import org.pubky.spi.storage.UnitProbe;

/**
 * The atomic units under injected failure: the store must call every {@link UnitProbe} point,
 * in order, and a failure thrown at any of them must leave no trace (entry, used bytes, event,
 * token, bearer) and reach the caller unchanged. The store must keep working afterwards.
 */
@Timeout(60)
public interface AtomicityContract extends MetadataStoreFixture {
    List<String> ENTRY_POINTS = List.of(UnitProbe.ENTRY_WRITTEN, UnitProbe.USAGE_UPDATED, UnitProbe.EVENT_APPENDED);

    /** The points of {@link UnitProbe} among those recorded, in order; backends may add their own. */
    static List<String> knownPoints(List<String> recorded) {
        List<String> known = List.of(UnitProbe.ENTRY_WRITTEN, UnitProbe.USAGE_UPDATED, UnitProbe.EVENT_APPENDED,
                UnitProbe.USER_CREATED, UnitProbe.BEARERS_DELETED);
        return recorded.stream().filter(known::contains).toList();
    }

    @Test
    default void everyUnitCallsItsProbePointsInOrder() {
        String user = newUser();
        GrantRecord grant = store().grants().storeIfAbsent(new GrantRecord("g", user, "a.app", TckData.userKey(),
                "/:rw", clock().instant(), later(3_600_000_000L), Optional.empty(), clock().instant()));
        SignupTokenRecord token = SignupTokenRecord.unused(TckData.signupToken(), clock().instant(),
                QuotaOverrides.NONE);
        store().signupTokens().create(token);

        probe().startRecording();
        put(user, "/pub/new", 1);
        assertThat(knownPoints(probe().stopRecording())).as("put of a new path").isEqualTo(ENTRY_POINTS);
        probe().startRecording();
        put(user, "/pub/new", 2);
        assertThat(knownPoints(probe().stopRecording())).as("overwrite").isEqualTo(ENTRY_POINTS);
        probe().startRecording();
        delete(user, "/pub/new");
        assertThat(knownPoints(probe().stopRecording())).as("delete").isEqualTo(ENTRY_POINTS);
        probe().startRecording();
        store().users().create(TckData.userKey(), clock().instant(), Optional.of(token.token()));
        assertThat(knownPoints(probe().stopRecording())).as("signup with a token")
                .containsExactly(UnitProbe.USER_CREATED);
        probe().startRecording();
        store().users().create(TckData.userKey(), clock().instant(), Optional.empty());
        assertThat(knownPoints(probe().stopRecording())).as("signup without a token")
                .containsExactly(UnitProbe.USER_CREATED);
        probe().startRecording();
        store().grants().replaceBearer(grant.grantId(), TckData.hash("b"), later(1_000_000));
        assertThat(knownPoints(probe().stopRecording())).as("replaceBearer")
                .containsExactly(UnitProbe.BEARERS_DELETED);
    }

    @ParameterizedTest
    @ValueSource(strings = {UnitProbe.ENTRY_WRITTEN, UnitProbe.USAGE_UPDATED, UnitProbe.EVENT_APPENDED})
    default void failedPutOfANewPathLeavesNoTrace(String point) {
        String user = newUser();
        put(user, "/pub/existing", 5);
        StoreSnapshot before = snapshot(user);
        PutUnit unit = unit(user, "/pub/new", 7);

        InjectedFailure failure = probe().failOnceAt(point);
        assertThatThrownBy(() -> store().entries().put(unit)).isSameAs(failure);

        assertThat(probe().isArmed()).as("the store reached " + point).isFalse();
        assertThat(snapshot(user)).isEqualTo(before);
        assertThat(store().entries().find(user, "/pub/new")).isEmpty();
        assertThat(store().entries().isBlobReferenced(unit.blob().id())).isFalse();
        assertStillWorks(user, before.lastCursor());
    }

    @ParameterizedTest
    @ValueSource(strings = {UnitProbe.ENTRY_WRITTEN, UnitProbe.USAGE_UPDATED, UnitProbe.EVENT_APPENDED})
    default void failedOverwriteKeepsTheOldEntry(String point) {
        String user = newUser();
        put(user, "/pub/file", 5);
        StoreSnapshot before = snapshot(user);
        PutUnit unit = unit(user, "/pub/file", 900);

        InjectedFailure failure = probe().failOnceAt(point);
        assertThatThrownBy(() -> store().entries().put(unit)).isSameAs(failure);

        assertThat(probe().isArmed()).as("the store reached " + point).isFalse();
        assertThat(snapshot(user)).isEqualTo(before);
        assertThat(store().entries().isBlobReferenced(unit.blob().id())).isFalse();
        assertStillWorks(user, before.lastCursor());
    }

    @ParameterizedTest
    @ValueSource(strings = {UnitProbe.ENTRY_WRITTEN, UnitProbe.USAGE_UPDATED, UnitProbe.EVENT_APPENDED})
    default void failedDeleteKeepsTheEntry(String point) {
        String user = newUser();
        String blob = put(user, "/pub/file", 5).entry().blobId();
        StoreSnapshot before = snapshot(user);

        InjectedFailure failure = probe().failOnceAt(point);
        assertThatThrownBy(() -> delete(user, "/pub/file")).isSameAs(failure);

        assertThat(probe().isArmed()).as("the store reached " + point).isFalse();
        assertThat(snapshot(user)).isEqualTo(before);
        assertThat(store().entries().isBlobReferenced(blob)).isTrue();
        assertThat(delete(user, "/pub/file").event().cursor()).isGreaterThan(before.lastCursor());
        assertThat(usedBytes(user)).isZero();
    }

    @Test
    default void failedSignupWithATokenCreatesNobodyAndKeepsTheToken() {
        SignupTokenRecord token = SignupTokenRecord.unused(TckData.signupToken(), clock().instant(),
                QuotaOverrides.NONE);
        store().signupTokens().create(token);
        String user = TckData.userKey();
        StoreSnapshot before = snapshot(user);

        InjectedFailure failure = probe().failOnceAt(UnitProbe.USER_CREATED);
        assertThatThrownBy(() -> store().users().create(user, clock().instant(), Optional.of(token.token())))
                .isSameAs(failure);

        assertThat(probe().isArmed()).isFalse();
        assertThat(snapshot(user)).isEqualTo(before);
        assertThat(store().signupTokens().find(token.token())).contains(token);
        store().users().create(user, clock().instant(), Optional.of(token.token()));
        assertThat(store().signupTokens().find(token.token()).orElseThrow().usedBy()).contains(user);
    }

    @Test
    default void failedSignupWithoutATokenCreatesNobody() {
        String user = TckData.userKey();
        StoreSnapshot before = snapshot(user);

        InjectedFailure failure = probe().failOnceAt(UnitProbe.USER_CREATED);
        assertThatThrownBy(() -> store().users().create(user, clock().instant(), Optional.empty())).isSameAs(failure);

        assertThat(probe().isArmed()).isFalse();
        assertThat(snapshot(user)).isEqualTo(before);
        store().users().create(user, clock().instant(), Optional.empty());
        assertThat(store().users().find(user)).isPresent();
    }

    @Test
    default void failedReplaceBearerKeepsTheOldToken() {
        String user = newUser();
        Instant now = clock().instant();
        GrantRecord grant = store().grants().storeIfAbsent(new GrantRecord("g", user, "a.app", TckData.userKey(),
                "/:rw", now, now.plus(Duration.ofHours(1)), Optional.empty(), now));
        byte[] old = TckData.hash("old");
        byte[] replacement = TckData.hash("new");
        Instant oldExpiry = later(1_000_000);
        store().grants().replaceBearer("g", old, oldExpiry);

        InjectedFailure failure = probe().failOnceAt(UnitProbe.BEARERS_DELETED);
        assertThatThrownBy(() -> store().grants().replaceBearer("g", replacement, later(2_000_000)))
                .isSameAs(failure);

        assertThat(probe().isArmed()).isFalse();
        assertThat(store().grants().findBearer(old)).contains(new BearerSession(grant, oldExpiry));
        assertThat(store().grants().findBearer(replacement)).isEmpty();
        store().grants().replaceBearer("g", replacement, later(2_000_000));
        assertThat(store().grants().findBearer(old)).isEmpty();
        assertThat(store().grants().findBearer(replacement)).isPresent();
    }

    /** A later unit succeeds, with a cursor above every earlier one: nothing was left locked or half-done. */
    private void assertStillWorks(String user, long lastCursor) {
        long used = usedBytes(user);
        assertThat(put(user, "/pub/after-failure", 3).event().cursor()).isGreaterThan(lastCursor);
        assertThat(usedBytes(user)).isEqualTo(used + 3 + 256);
    }
}
