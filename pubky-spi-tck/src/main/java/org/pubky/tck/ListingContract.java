package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.storage.PutUnit;

/**
 * {@link org.pubky.spi.storage.EntryStore#list} and {@code directoryExists} on the data sets of
 * the reference's listing tests (HS-LST-001..008), plus the shallow-listing rules.
 */
@Timeout(60)
public interface ListingContract extends MetadataStoreFixture {
    /** Writes the paths in a shuffled order, so a store cannot rely on insertion order. */
    default void putShuffled(String user, List<String> paths) {
        List<String> shuffled = new ArrayList<>(paths);
        Collections.shuffle(shuffled, new Random(paths.hashCode()));
        for (String path : shuffled) {
            put(user, path, 1);
        }
    }

    @Test
    default void deepListingOfTheReference() {
        String user = newUser();
        putShuffled(user, List.of("/pub/a.wrong/a.txt", "/pub/example.com/a.txt", "/pub/example.com/b.txt",
                "/pub/example.com/c.txt", "/pub/example.com/d.txt", "/pub/example.com/cc-nested/z.txt",
                "/pub/example.wrong/a.txt", "/pub/z.wrong/a.txt", "/pub/example.com-x/a.txt", "/pub/example.comb"));

        assertThat(listAll(user, "/pub/example.com/", false, false)).containsExactly("/pub/example.com/a.txt",
                "/pub/example.com/b.txt", "/pub/example.com/c.txt", "/pub/example.com/cc-nested/z.txt",
                "/pub/example.com/d.txt");
        assertThat(list(user, "/pub/example.com/", false, false, Optional.empty(), 2))
                .containsExactly("/pub/example.com/a.txt", "/pub/example.com/b.txt");
        assertThat(list(user, "/pub/example.com/", false, false, Optional.of("/pub/example.com/a.txt"), 2))
                .containsExactly("/pub/example.com/b.txt", "/pub/example.com/c.txt");
    }

    @Test
    default void shallowListingOfTheReference() {
        String user = newUser();
        putShuffled(user, List.of("/pub/a.com/a.txt", "/pub/example.com/a.txt", "/pub/example.com/b.txt",
                "/pub/example.com/c.txt", "/pub/example.com/d.txt", "/pub/example.con/d.txt", "/pub/example.con-file",
                "/pub/file", "/pub/file2", "/pub/z.com/a.txt"));

        assertThat(listAll(user, "/pub/", true, false)).containsExactly("/pub/a.com/", "/pub/example.com/",
                "/pub/example.con-file", "/pub/example.con/", "/pub/file", "/pub/file2", "/pub/z.com/");
        assertThat(list(user, "/pub/", true, false, Optional.empty(), 2))
                .containsExactly("/pub/a.com/", "/pub/example.com/");
        assertThat(list(user, "/pub/", true, false, Optional.of("/pub/example.com/"), 2))
                .containsExactly("/pub/example.con-file", "/pub/example.con/");
        assertThat(list(user, "/pub/", true, false, Optional.of("/pub/example.com/a.txt"), 2))
                .containsExactly("/pub/example.con-file", "/pub/example.con/");
        assertThat(list(user, "/pub/", true, false, Optional.of("/pub/example.com/"), 3))
                .containsExactly("/pub/example.con-file", "/pub/example.con/", "/pub/file");
    }

    /** The data of HS-LST-004/005: a file and a directory named {@code sub1}. */
    default String twinData() {
        String user = newUser();
        for (String path : List.of("/test/1.txt", "/test/2.txt", "/test/3.txt", "/test/sub1/1/1.txt",
                "/test/sub1/2.txt", "/test/sub2/1.txt", "/test/sub2/2.txt")) {
            put(user, path, 1);
        }
        store().entries().put(unit(user, "/test/sub1", 1, PutUnit.NO_LIMIT, false));
        return user;
    }

    @Test
    default void shallowListingShowsFileAndDirectoryTwinsFileFirst() {
        String user = twinData();
        List<String> all = List.of("/test/1.txt", "/test/2.txt", "/test/3.txt", "/test/sub1", "/test/sub1/",
                "/test/sub2/");

        assertThat(listAll(user, "/test/", true, false)).isEqualTo(all);
        assertThat(list(user, "/test/", true, false, Optional.empty(), 2)).isEqualTo(all.subList(0, 2));
        assertThat(list(user, "/test/", true, false, Optional.of("/test/3.txt"), 10)).isEqualTo(all.subList(3, 6));
        assertThat(list(user, "/test/", true, false, Optional.of("/test/3.txt"), 2)).isEqualTo(all.subList(3, 5));
        assertThat(list(user, "/test/", true, false, Optional.of("/test/sub1"), 10)).isEqualTo(all.subList(4, 6));
        assertThat(list(user, "/test/", true, false, Optional.of("/test/sub1/"), 10)).isEqualTo(all.subList(5, 6));
        assertThat(listPaged(user, "/test/", true, false, 2)).isEqualTo(all);
        assertThat(listPaged(user, "/test/", true, false, 1)).isEqualTo(all);
    }

    @Test
    default void shallowReverseListingIsTheExactReverse() {
        String user = twinData();
        List<String> reversed = List.of("/test/sub2/", "/test/sub1/", "/test/sub1", "/test/3.txt", "/test/2.txt",
                "/test/1.txt");

        assertThat(listAll(user, "/test/", true, true)).isEqualTo(reversed);
        assertThat(list(user, "/test/", true, true, Optional.of("/test/3.txt"), 10))
                .containsExactly("/test/2.txt", "/test/1.txt");
        assertThat(list(user, "/test/", true, true, Optional.of("/test/sub1/"), 10))
                .containsExactly("/test/sub1", "/test/3.txt", "/test/2.txt", "/test/1.txt");
        assertThat(list(user, "/test/", true, true, Optional.of("/test/sub1"), 2))
                .containsExactly("/test/3.txt", "/test/2.txt");
        assertThat(listPaged(user, "/test/", true, true, 2)).isEqualTo(reversed);
    }

    @Test
    default void deepListingWithCursorAndPaging() {
        String user = newUser();
        List<String> all = List.of("/test/1.txt", "/test/2.txt", "/test/3.txt", "/test/sub1/1/1.txt",
                "/test/sub1/2.txt", "/test/sub2/1.txt", "/test/sub2/2.txt");
        putShuffled(user, all);

        assertThat(listAll(user, "/test/", false, false)).isEqualTo(all);
        assertThat(list(user, "/test/", false, false, Optional.of("/test/3.txt"), 10)).isEqualTo(all.subList(3, 7));
        assertThat(list(user, "/test/", false, false, Optional.of("/test/3.txt"), 2)).isEqualTo(all.subList(3, 5));
        assertThat(listPaged(user, "/test/", false, false, 2)).isEqualTo(all);
    }

    @Test
    default void deepReverseListing() {
        String user = newUser();
        List<String> all = List.of("/test/1.txt", "/test/2.txt", "/test/3.txt", "/test/sub1/1/1.txt",
                "/test/sub1/2.txt", "/test/sub2/1.txt", "/test/sub2/2.txt");
        putShuffled(user, all);
        List<String> reversed = new ArrayList<>(all);
        Collections.reverse(reversed);

        assertThat(listAll(user, "/test/", false, true)).isEqualTo(reversed);
        assertThat(list(user, "/test/", false, true, Optional.of("/test/3.txt"), 10))
                .containsExactly("/test/2.txt", "/test/1.txt");
        assertThat(listPaged(user, "/test/", false, true, 3)).isEqualTo(reversed);
    }

    @Test
    default void deepListingIncludesTwinsInByteOrder() {
        String user = twinData();

        assertThat(listAll(user, "/test/", false, false)).containsExactly("/test/1.txt", "/test/2.txt",
                "/test/3.txt", "/test/sub1", "/test/sub1/1/1.txt", "/test/sub1/2.txt", "/test/sub2/1.txt",
                "/test/sub2/2.txt");
    }

    @Test
    default void shallowListingOrdersChildrenByTheirListedForm() {
        String user = newUser();
        // a file "x", a sibling "x-y" and a directory "x/": "-" sorts before "/", so the twins are apart
        store().entries().put(unit(user, "/o/x", 1, PutUnit.NO_LIMIT, false));
        store().entries().put(unit(user, "/o/x/in", 1, PutUnit.NO_LIMIT, false));
        put(user, "/o/x-y", 1);
        put(user, "/o/x.z/deep/er", 1);
        put(user, "/o/x0", 1);

        assertThat(listAll(user, "/o/", true, false)).containsExactly("/o/x", "/o/x-y", "/o/x.z/", "/o/x/", "/o/x0");
        assertThat(listAll(user, "/o/", true, true)).containsExactly("/o/x0", "/o/x/", "/o/x.z/", "/o/x-y", "/o/x");
    }

    @Test
    default void shallowListingShowsEachDirectoryOnceAndCountsItOnceAgainstTheLimit() {
        String user = newUser();
        for (int i = 0; i < 30; i++) {
            put(user, "/pub/many/f" + i, 1);
            put(user, "/pub/many/sub/g" + i, 1);
        }
        put(user, "/pub/next", 1);

        assertThat(list(user, "/pub/", true, false, Optional.empty(), 2)).containsExactly("/pub/many/", "/pub/next");
        assertThat(list(user, "/pub/", true, true, Optional.empty(), 2)).containsExactly("/pub/next", "/pub/many/");
        assertThat(listAll(user, "/", true, false)).containsExactly("/pub/");
        assertThat(listAll(user, "/pub/many/", true, false)).hasSize(31).endsWith("/pub/many/sub/");
        assertThat(list(user, "/pub/many/", true, false, Optional.of("/pub/many/f9"), 5)).containsExactly("/pub/many/sub/");
    }

    @Test
    default void listingOfAnEmptyOrUnknownDirectoryIsEmpty() {
        String user = newUser();
        put(user, "/pub/a/b", 1);

        assertThat(listAll(user, "/pub/none/", false, false)).isEmpty();
        assertThat(listAll(user, "/pub/none/", true, true)).isEmpty();
        assertThat(listAll(user, "/pub/a/b/", false, false)).isEmpty();
        assertThat(listAll(TckData.userKey(), "/", true, false)).isEmpty();
        assertThat(listAll(user, "/", false, false)).containsExactly("/pub/a/b");
    }

    @Test
    default void listingsNeverShowOtherUsersEntries() {
        String user = newUser();
        String other = newUser();
        put(user, "/pub/mine", 1);
        put(other, "/pub/theirs", 1);
        put(other, "/pub/d/x", 1);

        for (boolean shallow : new boolean[] {false, true}) {
            for (boolean reverse : new boolean[] {false, true}) {
                assertThat(listAll(user, "/pub/", shallow, reverse)).containsExactly("/pub/mine");
            }
        }
        assertThat(store().entries().directoryExists(user, "/pub/d/")).isFalse();
    }

    @Test
    default void directoryExistsOnlyAboveFiles() {
        String user = newUser();
        String other = newUser();
        put(user, "/a/b", 1);
        put(user, "/a/b-c/x", 1);

        assertThat(store().entries().directoryExists(user, "/")).isTrue();
        assertThat(store().entries().directoryExists(user, "/a/")).isTrue();
        assertThat(store().entries().directoryExists(user, "/a/b-c/")).isTrue();
        assertThat(store().entries().directoryExists(user, "/a/b/")).isFalse();
        assertThat(store().entries().directoryExists(user, "/a/c/")).isFalse();
        assertThat(store().entries().directoryExists(user, "/b/")).isFalse();
        assertThat(store().entries().directoryExists(other, "/")).isFalse();
        assertThat(store().entries().directoryExists(other, "/a/")).isFalse();

        delete(user, "/a/b");
        delete(user, "/a/b-c/x");
        assertThat(store().entries().directoryExists(user, "/a/")).isFalse();
        assertThat(store().entries().directoryExists(user, "/")).isFalse();
    }

    @Test
    default void directoryExistsWithTwins() {
        String user = twinData();

        assertThat(store().entries().directoryExists(user, "/test/sub1/")).isTrue();
        assertThat(store().entries().directoryExists(user, "/test/sub1/1/")).isTrue();
        assertThat(store().entries().directoryExists(user, "/test/1.txt/")).isFalse();
    }
}
