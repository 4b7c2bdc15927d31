package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventQuery;

/**
 * 100 000 entries of one user: 40 000 in a child directory {@code a/}, 20 000 files beside it and
 * 40 000 in sub-directories of {@code z/}. First and last pages, forward and reverse, deep and
 * shallow, must come out right; a store that lists in O(limit + depth) answers each page at once.
 */
@Tag("slow")
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public interface LargeListingContract extends MetadataStoreFixture {
    int IN_A = 40_000;
    int FILES = 20_000;
    int IN_Z = 40_000;
    int LOADERS = 4;

    static String a(int i) {
        return String.format("/pub/big/a/%05d", i);
    }

    static String f(int i) {
        return String.format("/pub/big/f%05d", i);
    }

    static String z(int i) {
        return String.format("/pub/big/z/%05d/x", i);
    }

    static List<String> range(int from, int to, java.util.function.IntFunction<String> name) {
        return IntStream.range(from, to).mapToObj(name).toList();
    }

    static List<String> reversed(List<String> list) {
        List<String> out = new ArrayList<>(list);
        java.util.Collections.reverse(out);
        return out;
    }

    @Test
    default void firstAndLastPagesOfAHundredThousandEntries() {
        String user = newUser();
        Race.forEach(LOADERS, IN_A + FILES + IN_Z, i -> {
            String path = i < IN_A ? a(i) : i < IN_A + FILES ? f(i - IN_A) : z(i - IN_A - FILES);
            put(user, path, 1);
        });
        String dir = "/pub/big/";

        // deep, forward and reverse, first and last pages
        assertThat(list(user, dir, false, false, Optional.empty(), 100)).isEqualTo(range(0, 100, LargeListingContract::a));
        assertThat(list(user, dir, false, false, Optional.of(z(IN_Z - 101)), 1000))
                .isEqualTo(range(IN_Z - 100, IN_Z, LargeListingContract::z));
        assertThat(list(user, dir, false, true, Optional.empty(), 100))
                .isEqualTo(reversed(range(IN_Z - 100, IN_Z, LargeListingContract::z)));
        assertThat(list(user, dir, false, true, Optional.of(a(100)), 1000))
                .isEqualTo(reversed(range(0, 100, LargeListingContract::a)));
        assertThat(list(user, dir, false, false, Optional.of(a(IN_A - 1)), 3))
                .containsExactly(f(0), f(1), f(2));

        // shallow: the two big children each count once
        assertThat(list(user, dir, true, false, Optional.empty(), 5))
                .containsExactly("/pub/big/a/", f(0), f(1), f(2), f(3));
        assertThat(list(user, dir, true, false, Optional.of(f(FILES - 3)), 10))
                .containsExactly(f(FILES - 2), f(FILES - 1), "/pub/big/z/");
        assertThat(list(user, dir, true, true, Optional.empty(), 3))
                .containsExactly("/pub/big/z/", f(FILES - 1), f(FILES - 2));
        assertThat(list(user, dir, true, true, Optional.of(f(2)), 10)).containsExactly(f(1), f(0), "/pub/big/a/");
        assertThat(list(user, dir, true, false, Optional.of(a(20_000)), 2)).containsExactly(f(0), f(1));
        assertThat(list(user, dir, true, true, Optional.of(z(20_000)), 2)).containsExactly("/pub/big/z/", f(FILES - 1));
        assertThat(list(user, "/pub/big/z/", true, false, Optional.empty(), 2))
                .containsExactly("/pub/big/z/00000/", "/pub/big/z/00001/");
        assertThat(list(user, "/pub/big/z/", true, true, Optional.empty(), 2))
                .containsExactly("/pub/big/z/39999/", "/pub/big/z/39998/");
        assertThat(list(user, "/", true, false, Optional.empty(), 10)).containsExactly("/pub/");

        // paging through the whole shallow listing visits every child once, in order
        List<String> children = new ArrayList<>();
        children.add("/pub/big/a/");
        children.addAll(range(0, FILES, LargeListingContract::f));
        children.add("/pub/big/z/");
        assertThat(listPaged(user, dir, true, false, 1000)).isEqualTo(children);

        assertThat(store().entries().directoryExists(user, "/pub/big/z/39999/")).isTrue();
        assertThat(store().entries().directoryExists(user, "/pub/big/z/40000/")).isFalse();
        assertThat(usedBytes(user)).isEqualTo(100_000L * 257);

        // the log holds one event per unit, in strictly increasing cursor order
        List<Event> last = store().events().read(new EventQuery(Map.of(user, 0L), 0, List.of(), 10, true));
        assertThat(last).hasSize(10).extracting(Event::cursor).isSortedAccordingTo((x, y) -> Long.compare(y, x));
        assertThat(last.get(0).cursor()).isEqualTo(store().events().lastCursor());
        List<Event> all = allEvents();
        assertThat(all).hasSize(100_000).extracting(Event::cursor).isSorted().doesNotHaveDuplicates();
    }
}
