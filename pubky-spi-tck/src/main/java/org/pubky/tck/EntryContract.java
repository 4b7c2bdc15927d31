package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.DeleteOutcome;
import org.pubky.spi.storage.Entry;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventType;
import org.pubky.spi.storage.PutOutcome;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.StoredBlob;

/** {@link org.pubky.spi.storage.EntryStore}: what a write and a delete commit. */
@Timeout(60)
public interface EntryContract extends MetadataStoreFixture {
    @Test
    default void putStoresTheEntryCountsItAndAppendsAPutEvent() {
        String user = newUser();
        PutUnit unit = new PutUnit(user, "/pub/dir/file.json", new StoredBlob(blobId(), 42), TckData.hash("c"),
                "application/json", clock().tick(), PutUnit.NO_LIMIT, true);

        PutOutcome outcome = store().entries().put(unit);

        Entry expected = new Entry(user, unit.path(), unit.blob().id(), unit.contentHash(), 42, "application/json",
                unit.at(), unit.at());
        assertThat(outcome.entry()).isEqualTo(expected);
        assertThat(outcome.replaced()).isEmpty();
        Event event = outcome.event();
        assertThat(event.cursor()).isPositive();
        assertThat(event).isEqualTo(new Event(event.cursor(), EventType.PUT, user, unit.path(),
                Optional.of(unit.contentHash()), unit.at()));
        assertThat(store().entries().find(user, unit.path())).contains(expected);
        assertThat(usedBytes(user)).isEqualTo(42 + 256);
        assertThat(allEvents()).containsExactly(event);
        assertThat(store().events().lastCursor()).isEqualTo(event.cursor());
        assertThat(store().entries().isBlobReferenced(unit.blob().id())).isTrue();
    }

    @Test
    default void overwriteReplacesContentKeepsCreationTimeAndReportsTheOldEntry() {
        String user = newUser();
        PutOutcome first = put(user, "/pub/f", 10);
        PutUnit unit = new PutUnit(user, "/pub/f", new StoredBlob(blobId(), 20), TckData.hash("new"), "text/plain",
                clock().tick(), PutUnit.NO_LIMIT, true);

        PutOutcome second = store().entries().put(unit);

        assertThat(second.replaced()).contains(first.entry());
        assertThat(second.entry()).isEqualTo(new Entry(user, "/pub/f", unit.blob().id(), unit.contentHash(), 20,
                "text/plain", unit.at(), first.entry().createdAt()));
        assertThat(store().entries().find(user, "/pub/f")).contains(second.entry());
        assertThat(usedBytes(user)).isEqualTo(20 + 256);
        assertThat(second.event().cursor()).isGreaterThan(first.event().cursor());
        assertThat(allEvents()).containsExactly(first.event(), second.event());
        assertThat(store().entries().isBlobReferenced(first.entry().blobId())).isFalse();
        assertThat(store().entries().isBlobReferenced(unit.blob().id())).isTrue();
    }

    @Test
    default void deleteRemovesTheEntryRestoresUsageAndAppendsADelEvent() {
        String user = newUser();
        PutOutcome put = put(user, "/pub/f", 10);
        put(user, "/pub/g", 5);
        Instant at = clock().tick();

        DeleteOutcome outcome = store().entries().delete(user, "/pub/f", at);

        assertThat(outcome.removed()).isEqualTo(put.entry());
        assertThat(outcome.event()).isEqualTo(new Event(outcome.event().cursor(), EventType.DEL, user, "/pub/f",
                Optional.empty(), at));
        assertThat(outcome.event().cursor()).isGreaterThan(put.event().cursor());
        assertThat(store().entries().find(user, "/pub/f")).isEmpty();
        assertThat(usedBytes(user)).isEqualTo(5 + 256);
        assertThat(store().entries().isBlobReferenced(put.entry().blobId())).isFalse();
        assertThat(store().events().lastCursor()).isEqualTo(outcome.event().cursor());
    }

    @Test
    default void writeOverwriteDeleteGivesPutPutDelAndUsageSteps() {
        String user = newUser();

        put(user, "/pub/x", 10);
        assertThat(usedBytes(user)).isEqualTo(10 + 256);
        put(user, "/pub/x", 20);
        assertThat(usedBytes(user)).isEqualTo(20 + 256);
        delete(user, "/pub/x");

        assertThat(usedBytes(user)).isZero();
        assertThat(allEvents()).extracting(Event::type).containsExactly(EventType.PUT, EventType.PUT, EventType.DEL);
    }

    @Test
    default void recreatedPathGetsANewCreationTime() {
        String user = newUser();
        put(user, "/pub/r", 1);
        delete(user, "/pub/r");

        PutOutcome again = put(user, "/pub/r", 2);

        assertThat(again.replaced()).isEmpty();
        assertThat(again.entry().createdAt()).isEqualTo(again.entry().modifiedAt());
    }

    @Test
    default void deletingAMissingFileChangesNothing() {
        String user = newUser();
        put(user, "/pub/dir/file", 3);
        StoreSnapshot before = snapshot(user);

        for (String path : List.of("/pub/missing", "/pub/dir", "/pub/dir/file/deeper", "/pub/dir/fil")) {
            assertThatThrownBy(() -> delete(user, path)).as(path)
                    .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        }
        assertThatThrownBy(() -> delete(TckData.userKey(), "/pub/dir/file"))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(snapshot(user)).isEqualTo(before);
    }

    @Test
    default void deleteNeverRemovesDescendants() {
        String user = newUser();
        store().entries().put(unit(user, "/pub/app/foo", 1, PutUnit.NO_LIMIT, false));
        store().entries().put(unit(user, "/pub/app/foo/bar.json", 2, PutUnit.NO_LIMIT, false));

        delete(user, "/pub/app/foo");

        assertThat(store().entries().find(user, "/pub/app/foo")).isEmpty();
        assertThat(store().entries().find(user, "/pub/app/foo/bar.json")).isPresent();
        assertThat(usedBytes(user)).isEqualTo(2 + 256);
    }

    @Test
    default void writeForUnknownUserIsNotFoundAndChangesNothing() {
        String user = newUser();
        StoreSnapshot before = snapshot(user);
        String stranger = TckData.userKey();
        PutUnit unit = unit(stranger, "/pub/f", 1);

        assertThatThrownBy(() -> store().entries().put(unit))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(snapshot(user)).isEqualTo(before);
        assertThat(store().entries().find(stranger, "/pub/f")).isEmpty();
        assertThat(store().entries().isBlobReferenced(unit.blob().id())).isFalse();
    }

    @Test
    default void usersAreIsolated() {
        String a = newUser();
        String b = newUser();
        put(a, "/pub/foo.txt", 8);
        put(b, "/pub/foo.txt", 8);

        put(a, "/pub/foo.txt", 13);
        assertThat(store().entries().find(b, "/pub/foo.txt").orElseThrow().length()).isEqualTo(8);
        delete(a, "/pub/foo.txt");

        assertThat(store().entries().find(a, "/pub/foo.txt")).isEmpty();
        assertThat(store().entries().find(b, "/pub/foo.txt").orElseThrow().length()).isEqualTo(8);
        assertThat(usedBytes(a)).isZero();
        assertThat(usedBytes(b)).isEqualTo(8 + 256);
        assertThat(listAll(a, "/", false, false)).isEmpty();
        assertThat(listAll(b, "/", false, false)).containsExactly("/pub/foo.txt");
    }

    @Test
    default void sharedBlobStaysReferencedUntilItsLastEntryGoes() {
        String a = newUser();
        String b = newUser();
        StoredBlob shared = new StoredBlob(blobId(), 4);
        byte[] hash = TckData.hash("shared");
        for (String user : List.of(a, b)) {
            store().entries().put(new PutUnit(user, "/pub/pubky.app/file/file_1", shared, hash, "text/plain",
                    clock().tick(), PutUnit.NO_LIMIT, true));
        }

        delete(a, "/pub/pubky.app/file/file_1");
        assertThat(store().entries().isBlobReferenced(shared.id())).isTrue();
        delete(b, "/pub/pubky.app/file/file_1");

        assertThat(store().entries().isBlobReferenced(shared.id())).isFalse();
        assertThat(store().entries().isBlobReferenced("never-written")).isFalse();
    }

    @Test
    default void pathsAreExactStrings() {
        String user = newUser();
        List<String> paths = List.of("/pub/Case", "/pub/case", "/pub/café", "/pub/cafe\u0301", "/pub/a b",
                "/pub/%2E%2E", "/pub/:,*<", "/pub/\uD83D\uDE00", "/pub/\uFFFD");
        for (String path : paths) {
            put(user, path, path.length());
        }

        for (String path : paths) {
            assertThat(store().entries().find(user, path)).as(path).map(Entry::length).contains((long) path.length());
        }
        assertThat(listAll(user, "/pub/", false, false)).containsExactlyInAnyOrderElementsOf(paths);
        assertThat(store().entries().find(user, "/pub/CASE")).isEmpty();
    }
}
