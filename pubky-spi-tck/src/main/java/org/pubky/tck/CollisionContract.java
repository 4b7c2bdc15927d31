package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.PutUnit;

/**
 * File/folder collisions: a file may not sit where another of the user's paths needs a directory,
 * and the reverse; siblings sharing a name prefix are not collisions.
 */
@Timeout(60)
public interface CollisionContract extends MetadataStoreFixture {
    /** Asserts that writing {@code path} collides and changes nothing. */
    default void assertCollision(String user, String path) {
        StoreSnapshot before = snapshot(user);
        PutUnit unit = unit(user, path, 1);
        assertThatThrownBy(() -> store().entries().put(unit)).as(path)
                .isInstanceOfSatisfying(PubkyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessage("File/folder path collision");
        assertThat(snapshot(user)).isEqualTo(before);
        assertThat(store().entries().isBlobReferenced(unit.blob().id())).isFalse();
    }

    @Test
    default void fileBlocksEveryPathBelowIt() {
        String user = newUser();
        put(user, "/pub/app/foo", 1);

        assertCollision(user, "/pub/app/foo/bar.json");
        assertCollision(user, "/pub/app/foo/deep/er/file");
    }

    @Test
    default void fileAtAHigherLevelBlocksToo() {
        String user = newUser();
        put(user, "/pub", 1);

        assertCollision(user, "/pub/app/foo");
    }

    @Test
    default void directoryBlocksAFileOfItsName() {
        String user = newUser();
        put(user, "/pub/app/foo/bar.json", 1);

        assertCollision(user, "/pub/app/foo");
        assertCollision(user, "/pub/app");
        assertCollision(user, "/pub");
    }

    @Test
    default void collisionRecoversAfterDelete() {
        String user = newUser();
        put(user, "/pub/app/foo", 1);
        assertCollision(user, "/pub/app/foo/bar.json");
        delete(user, "/pub/app/foo");

        put(user, "/pub/app/foo/bar.json", 2);
        assertCollision(user, "/pub/app/foo");
        delete(user, "/pub/app/foo/bar.json");

        put(user, "/pub/app/foo", 3);
        assertThat(listAll(user, "/", false, false)).containsExactly("/pub/app/foo");
    }

    @Test
    default void siblingsSharingANamePrefixDoNotCollide() {
        String user = newUser();
        put(user, "/test/sub11/file.txt", 1);
        put(user, "/test/sub1", 1);
        put(user, "/test/sub1-x/file", 1);
        put(user, "/test/sub1.txt", 1);
        put(user, "/test/su", 1);

        assertThat(listAll(user, "/test/", false, false)).containsExactly(
                "/test/su", "/test/sub1", "/test/sub1-x/file", "/test/sub1.txt", "/test/sub11/file.txt");
        assertCollision(user, "/test/sub1/x");
    }

    @Test
    default void overwriteIsNotACollision() {
        String user = newUser();
        put(user, "/pub/a/b", 1);

        put(user, "/pub/a/b", 2);

        assertThat(store().entries().find(user, "/pub/a/b").orElseThrow().length()).isEqualTo(2);
    }

    @Test
    default void collisionsArePerUser() {
        String user = newUser();
        String other = newUser();
        put(user, "/test/sub1", 1);
        put(other, "/test/sub1/1.txt", 1);

        assertThat(store().entries().find(other, "/test/sub1/1.txt")).isPresent();
        assertCollision(user, "/test/sub1/1.txt");
    }

    @Test
    default void repairWritesMayCreateFileAndDirectoryTwins() {
        String user = newUser();
        put(user, "/pub/app/foo", 1);

        store().entries().put(unit(user, "/pub/app/foo/bar.json", 2, PutUnit.NO_LIMIT, false));
        store().entries().put(unit(user, "/pub/dir/x", 3, PutUnit.NO_LIMIT, false));
        store().entries().put(unit(user, "/pub/dir", 4, PutUnit.NO_LIMIT, false));

        assertThat(listAll(user, "/pub/", false, false))
                .containsExactly("/pub/app/foo", "/pub/app/foo/bar.json", "/pub/dir", "/pub/dir/x");
        assertThat(usedBytes(user)).isEqualTo(1 + 2 + 3 + 4 + 4 * 256);
        // with both present, a checked overwrite of either still collides
        for (String path : List.of("/pub/app/foo", "/pub/app/foo/bar.json")) {
            assertCollision(user, path);
        }
    }
}
