package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Listing cursors are plain exclusive bounds in {@link org.pubky.spi.storage.PathOrder}: they
 * need not name an entry and may lie outside the directory. In a shallow listing the bound
 * applies to the listed children ({@code /s/b/} for a directory), so a cursor inside a child
 * directory skips that child going forward and includes it going in reverse, because the child
 * sorts before the cursor (pubky-protocol.md §3.5: "the cursor compares against the child path").
 */
@Timeout(60)
public interface CursorContract extends MetadataStoreFixture {
    /** Files a, b, c in {@code /c/d/} and neighbours before and after the directory. */
    default String deepData() {
        String user = newUser();
        for (String path : List.of("/c/a", "/c/d-x/1", "/c/d.txt", "/c/d/a", "/c/d/b", "/c/d/c", "/c/e", "/c/d0")) {
            put(user, path, 1);
        }
        return user;
    }

    default List<String> deep(String user, String cursor, boolean reverse) {
        return list(user, "/c/d/", false, reverse, Optional.of(cursor), 100);
    }

    @Test
    default void deepCursorIsExclusive() {
        String user = deepData();

        assertThat(listAll(user, "/c/d/", false, false)).containsExactly("/c/d/a", "/c/d/b", "/c/d/c");
        assertThat(deep(user, "/c/d/b", false)).containsExactly("/c/d/c");
        assertThat(deep(user, "/c/d/b", true)).containsExactly("/c/d/a");
        assertThat(deep(user, "/c/d/a", false)).containsExactly("/c/d/b", "/c/d/c");
        assertThat(deep(user, "/c/d/c", true)).containsExactly("/c/d/b", "/c/d/a");
    }

    @Test
    default void deepCursorBetweenOrBeyondEntries() {
        String user = deepData();

        assertThat(deep(user, "/c/d/aa", false)).containsExactly("/c/d/b", "/c/d/c");
        assertThat(deep(user, "/c/d/aa", true)).containsExactly("/c/d/a");
        assertThat(deep(user, "/c/d/b/below", false)).containsExactly("/c/d/c");
        assertThat(deep(user, "/c/d/b/below", true)).containsExactly("/c/d/b", "/c/d/a");
        assertThat(deep(user, "/c/d/c", false)).isEmpty();
        assertThat(deep(user, "/c/d/z", false)).isEmpty();
        assertThat(deep(user, "/c/d/z", true)).containsExactly("/c/d/c", "/c/d/b", "/c/d/a");
        assertThat(deep(user, "/c/d/a", true)).isEmpty();
        assertThat(deep(user, "/c/d/", false)).containsExactly("/c/d/a", "/c/d/b", "/c/d/c");
        assertThat(deep(user, "/c/d/", true)).isEmpty();
    }

    @Test
    default void deepCursorOutsideTheDirectoryIsJustABound() {
        String user = deepData();
        List<String> all = List.of("/c/d/a", "/c/d/b", "/c/d/c");
        List<String> reversed = List.of("/c/d/c", "/c/d/b", "/c/d/a");

        for (String before : List.of("/", "/a", "/c/a", "/c/d", "/c/d-x/1", "/c/d.txt")) {
            assertThat(deep(user, before, false)).as("forward after %s", before).isEqualTo(all);
            assertThat(deep(user, before, true)).as("reverse before %s", before).isEmpty();
        }
        for (String after : List.of("/c/d0", "/c/e", "/z", "/\uD83D\uDE00")) {
            assertThat(deep(user, after, false)).as("forward after %s", after).isEmpty();
            assertThat(deep(user, after, true)).as("reverse before %s", after).isEqualTo(reversed);
        }
    }

    /** {@code /s/}: a file, a directory holding files and a sub-directory, another file. */
    default String shallowData() {
        String user = newUser();
        for (String path : List.of("/s/a", "/s/b/1", "/s/b/2", "/s/b/c/3", "/s/c", "/r/x", "/t/y")) {
            put(user, path, 1);
        }
        return user;
    }

    default List<String> shallow(String user, String cursor, boolean reverse) {
        return list(user, "/s/", true, reverse, Optional.of(cursor), 100);
    }

    @Test
    default void shallowCursorInsideAChildDirectorySkipsItGoingForward() {
        String user = shallowData();

        assertThat(listAll(user, "/s/", true, false)).containsExactly("/s/a", "/s/b/", "/s/c");
        for (String inside : List.of("/s/b/", "/s/b/1", "/s/b/2", "/s/b/c/", "/s/b/c/3", "/s/b/zzz")) {
            assertThat(shallow(user, inside, false)).as(inside).containsExactly("/s/c");
        }
        assertThat(shallow(user, "/s/b", false)).containsExactly("/s/b/", "/s/c");
        assertThat(shallow(user, "/s/b-", false)).containsExactly("/s/b/", "/s/c");
        assertThat(shallow(user, "/s/b0", false)).containsExactly("/s/c");
        assertThat(shallow(user, "/s/a", false)).containsExactly("/s/b/", "/s/c");
    }

    @Test
    default void shallowCursorInsideAChildDirectoryKeepsItGoingInReverse() {
        String user = shallowData();

        assertThat(listAll(user, "/s/", true, true)).containsExactly("/s/c", "/s/b/", "/s/a");
        assertThat(shallow(user, "/s/c", true)).containsExactly("/s/b/", "/s/a");
        for (String inside : List.of("/s/b/1", "/s/b/c/3", "/s/b/zzz")) {
            assertThat(shallow(user, inside, true)).as(inside).containsExactly("/s/b/", "/s/a");
        }
        assertThat(shallow(user, "/s/b/", true)).containsExactly("/s/a");
        assertThat(shallow(user, "/s/b", true)).containsExactly("/s/a");
        assertThat(shallow(user, "/s/a", true)).isEmpty();
    }

    @Test
    default void shallowCursorOutsideTheDirectoryIsJustABound() {
        String user = shallowData();
        List<String> all = List.of("/s/a", "/s/b/", "/s/c");
        List<String> reversed = List.of("/s/c", "/s/b/", "/s/a");

        for (String before : List.of("/", "/r/x", "/s", "/s-")) {
            assertThat(shallow(user, before, false)).as(before).isEqualTo(all);
            assertThat(shallow(user, before, true)).as(before).isEmpty();
        }
        for (String after : List.of("/s0", "/t/y", "/~")) {
            assertThat(shallow(user, after, false)).as(after).isEmpty();
            assertThat(shallow(user, after, true)).as(after).isEqualTo(reversed);
        }
        assertThat(shallow(user, "/s/", false)).isEqualTo(all);
        assertThat(shallow(user, "/s/", true)).isEmpty();
    }

    @Test
    default void limitOneWalksEveryChildExactlyOnce() {
        String user = shallowData();

        assertThat(listPaged(user, "/s/", true, false, 1)).containsExactly("/s/a", "/s/b/", "/s/c");
        assertThat(listPaged(user, "/s/", true, true, 1)).containsExactly("/s/c", "/s/b/", "/s/a");
        assertThat(listPaged(user, "/s/", false, false, 1)).containsExactly("/s/a", "/s/b/1", "/s/b/2", "/s/b/c/3",
                "/s/c");
        assertThat(listPaged(user, "/s/", false, true, 1)).containsExactly("/s/c", "/s/b/c/3", "/s/b/2", "/s/b/1",
                "/s/a");
    }
}
