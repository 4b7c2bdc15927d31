package org.pubky.store.lmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.DeleteOutcome;
import org.pubky.spi.storage.EventQuery;
import org.pubky.spi.storage.EventType;
import org.pubky.spi.storage.ListQuery;
import org.pubky.spi.storage.PutOutcome;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.StoredBlob;
import org.pubky.spi.storage.UnitProbe;

final class LmdbEntryStoreTest {
    private static final String U = Fixtures.user(1);

    @TempDir
    Path dir;
    private final AtomicReference<String> failAt = new AtomicReference<>();
    private LmdbMetadataStore store;

    @BeforeEach
    void open() {
        UnitProbe probe = point -> {
            if (point.equals(failAt.get())) {
                throw new IllegalStateException("injected at " + point);
            }
        };
        store = Fixtures.open(dir, Map.of(), probe);
        store.users().create(U, Fixtures.T0, Optional.empty());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static PutUnit unit(String path, String blob, long length, long quota) {
        return new PutUnit(U, path, new StoredBlob(blob, length), Fixtures.hash(length), "text/plain",
                Fixtures.T0.plusSeconds(length), quota, true);
    }

    @Test
    void putFindOverwriteAndDeleteKeepUsageBlobRefsAndEventsInStep() {
        PutOutcome first = store.entries().put(unit("/pub/a.txt", "b1", 10, PutUnit.NO_LIMIT));
        assertThat(first.replaced()).isEmpty();
        assertThat(first.event().type()).isEqualTo(EventType.PUT);
        assertThat(store.entries().find(U, "/pub/a.txt")).contains(first.entry());
        assertThat(store.users().find(U).orElseThrow().usedBytes()).isEqualTo(10 + 256);
        assertThat(store.entries().isBlobReferenced("b1")).isTrue();

        PutOutcome second = store.entries().put(unit("/pub/a.txt", "b2", 30, PutUnit.NO_LIMIT));
        assertThat(second.replaced()).contains(first.entry());
        assertThat(second.entry().createdAt()).isEqualTo(first.entry().createdAt());
        assertThat(second.entry().modifiedAt()).isEqualTo(Fixtures.T0.plusSeconds(30));
        assertThat(second.event().cursor()).isGreaterThan(first.event().cursor());
        assertThat(store.users().find(U).orElseThrow().usedBytes()).isEqualTo(30 + 256);
        assertThat(store.entries().isBlobReferenced("b1")).isFalse();
        assertThat(store.entries().isBlobReferenced("b2")).isTrue();
        assertThat(store.users().stats().usedBytes()).isEqualTo(30 + 256);

        DeleteOutcome deleted = store.entries().delete(U, "/pub/a.txt", Fixtures.T0.plusSeconds(99));
        assertThat(deleted.removed()).isEqualTo(second.entry());
        assertThat(deleted.event().type()).isEqualTo(EventType.DEL);
        assertThat(deleted.event().contentHash()).isEmpty();
        assertThat(store.entries().find(U, "/pub/a.txt")).isEmpty();
        assertThat(store.users().find(U).orElseThrow().usedBytes()).isZero();
        assertThat(store.entries().isBlobReferenced("b2")).isFalse();
        assertThat(store.events().lastCursor()).isEqualTo(deleted.event().cursor());
        assertThatThrownBy(() -> store.entries().delete(U, "/pub/a.txt", Fixtures.T0))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(store.events().lastCursor()).isEqualTo(deleted.event().cursor());
    }

    @Test
    void unknownOwnerIsNotFound() {
        assertThatThrownBy(() -> store.entries().put(Fixtures.put(Fixtures.user(2), "/pub/x", 1)))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void collisionsAreRefusedBothWaysAndAllowedForRepairWrites() {
        store.entries().put(unit("/pub/app/foo/x", "b1", 1, PutUnit.NO_LIMIT));
        assertThatThrownBy(() -> store.entries().put(unit("/pub/app/foo", "b2", 1, PutUnit.NO_LIMIT)))
                .isInstanceOfSatisfying(PubkyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("File/folder path collision");
                });
        store.entries().put(unit("/pub/file", "b3", 1, PutUnit.NO_LIMIT));
        assertThatThrownBy(() -> store.entries().put(unit("/pub/file/below/deep", "b4", 1, PutUnit.NO_LIMIT)))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        // siblings that only share a prefix do not collide
        store.entries().put(unit("/pub/app/foo-bar", "b5", 1, PutUnit.NO_LIMIT));
        store.entries().put(unit("/pub/app/fo", "b6", 1, PutUnit.NO_LIMIT));
        // long paths: the collision checks work past the key's 448 bytes
        String longDir = "/pub/" + "d".repeat(600);
        store.entries().put(unit(longDir + "/child", "b7", 1, PutUnit.NO_LIMIT));
        assertThatThrownBy(() -> store.entries().put(unit(longDir, "b8", 1, PutUnit.NO_LIMIT)))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> store.entries().put(unit(longDir + "/child/x", "b9", 1, PutUnit.NO_LIMIT)))
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        PutUnit repair = new PutUnit(U, "/pub/app/foo", new StoredBlob("b10", 1), Fixtures.hash(1), "t",
                Fixtures.T0, PutUnit.NO_LIMIT, false);
        store.entries().put(repair);
        assertThat(store.entries().list(new ListQuery(U, "/pub/app/", Optional.empty(), 10, false, true)))
                .containsExactly("/pub/app/fo", "/pub/app/foo", "/pub/app/foo-bar", "/pub/app/foo/");
    }

    @Test
    void quotaCountsTheMetadataOverheadAndRollsBack() {
        store.entries().put(unit("/pub/a", "b1", 100, 1000));
        assertThatThrownBy(() -> store.entries().put(unit("/pub/b", "b2", 1000 - 356 - 256 + 1, 1000)))
                .isInstanceOfSatisfying(PubkyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
                    assertThat(e.getMessage()).isEqualTo("Disk space quota exceeded");
                });
        store.entries().put(unit("/pub/b", "b2", 1000 - 356 - 256, 1000));
        assertThat(store.users().find(U).orElseThrow().usedBytes()).isEqualTo(1000);
        assertThat(store.entries().find(U, "/pub/c")).isEmpty();
        // shrinking an existing file is a negative delta
        store.entries().put(unit("/pub/b", "b3", 1, 1000));
        assertThat(store.users().find(U).orElseThrow().usedBytes()).isEqualTo(356 + 257);
    }

    @ParameterizedTest
    @ValueSource(strings = {UnitProbe.ENTRY_WRITTEN, UnitProbe.USAGE_UPDATED, UnitProbe.EVENT_APPENDED})
    void aProbeThrowingInsideAUnitLeavesNoTrace(String point) {
        PutOutcome before = store.entries().put(unit("/pub/keep", "b1", 5, PutUnit.NO_LIMIT));
        long cursor = store.events().lastCursor();
        long used = store.users().find(U).orElseThrow().usedBytes();
        failAt.set(point);
        assertThatThrownBy(() -> store.entries().put(unit("/pub/new", "b2", 7, PutUnit.NO_LIMIT)))
                .hasMessageContaining(point);
        assertThatThrownBy(() -> store.entries().put(unit("/pub/keep", "b3", 9, PutUnit.NO_LIMIT)))
                .hasMessageContaining(point);
        assertThatThrownBy(() -> store.entries().delete(U, "/pub/keep", Fixtures.T0)).hasMessageContaining(point);
        failAt.set(null);
        assertThat(store.entries().find(U, "/pub/new")).isEmpty();
        assertThat(store.entries().find(U, "/pub/keep")).contains(before.entry());
        assertThat(store.users().find(U).orElseThrow().usedBytes()).isEqualTo(used);
        assertThat(store.users().stats().usedBytes()).isEqualTo(used);
        assertThat(store.events().lastCursor()).isEqualTo(cursor);
        assertThat(store.events().read(new EventQuery(Map.of(), 0, List.of(), 100, false))).hasSize(1);
        assertThat(store.entries().isBlobReferenced("b2")).isFalse();
        assertThat(store.entries().isBlobReferenced("b3")).isFalse();
        assertThat(store.entries().isBlobReferenced("b1")).isTrue();
        // the next unit gets the next cursor: the aborted ones consumed none
        assertThat(store.entries().put(unit("/pub/new", "b2", 7, PutUnit.NO_LIMIT)).event().cursor())
                .isEqualTo(cursor + 1);
    }

    @Test
    void longestPathsAndUnicodeRoundTrip() {
        String longest = "/pub/" + "é".repeat(483) + "z"; // 972 bytes
        String twin = "/pub/" + "é".repeat(483) + "y";
        String emoji = "/pub/😀/" + "x".repeat(600);
        for (String p : List.of(longest, twin, emoji, "/pub/\uFFFF", "/pub/\uE000")) {
            store.entries().put(unit(p, "b" + Math.abs(p.hashCode()), 3, PutUnit.NO_LIMIT));
            assertThat(store.entries().find(U, p)).hasValueSatisfying(e -> assertThat(e.path()).isEqualTo(p));
        }
        assertThat(store.entries().list(new ListQuery(U, "/pub/", Optional.empty(), 10, false, true)))
                .containsExactly(twin, longest, "/pub/\uE000", "/pub/\uFFFF", "/pub/😀/");
        store.entries().delete(U, twin, Fixtures.T0);
        assertThat(store.entries().find(U, longest)).isPresent();
        assertThat(store.entries().find(U, twin)).isEmpty();
    }
}
