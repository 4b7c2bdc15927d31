package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Listings order paths by their UTF-8 bytes: punctuation by its ASCII value ({@code -} before
 * {@code /}), and characters outside the Basic Multilingual Plane after U+E000..U+FFFF, which is
 * not the order of {@link String#compareTo} nor of any locale-aware collation.
 */
@Timeout(60)
public interface OrderingContract extends MetadataStoreFixture {
    /** Names under {@code /o/} in the expected order, written out by hand. */
    List<String> UTF8_SORTED = List.of(
            "/o/ x", "/o/!", "/o/-", "/o/.x", "/o/0", "/o/A", "/o/B", "/o/_", "/o/a!", "/o/a-b", "/o/a.b", "/o/a/b",
            "/o/a0", "/o/b", "/o/z", "/o/~", "/o/\u00e9", "/o/\u0800", "/o/\ue000", "/o/\uff21", "/o/\ufffd",
            "/o/\ud800\udc00", "/o/\ud83d\ude00");

    @Test
    default void expectedOrderIsUtf8ByteOrderAndNotStringOrder() {
        List<String> byBytes = new ArrayList<>(UTF8_SORTED);
        byBytes.sort(TckData.UTF8_ORDER);
        List<String> byString = new ArrayList<>(UTF8_SORTED);
        byString.sort(Comparator.naturalOrder());

        assertThat(byBytes).isEqualTo(UTF8_SORTED);
        assertThat(byString).isNotEqualTo(UTF8_SORTED);
    }

    @Test
    default void deepListingIsInUtf8ByteOrder() {
        String user = newUser();
        List<String> shuffled = new ArrayList<>(UTF8_SORTED);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.forEach(path -> put(user, path, 1));
        List<String> reversed = new ArrayList<>(UTF8_SORTED);
        Collections.reverse(reversed);

        assertThat(listAll(user, "/o/", false, false)).isEqualTo(UTF8_SORTED);
        assertThat(listAll(user, "/o/", false, true)).isEqualTo(reversed);
        assertThat(listPaged(user, "/o/", false, false, 4)).isEqualTo(UTF8_SORTED);
        assertThat(listPaged(user, "/o/", false, true, 4)).isEqualTo(reversed);
    }

    @Test
    default void shallowListingIsInUtf8ByteOrder() {
        String user = newUser();
        UTF8_SORTED.forEach(path -> put(user, path, 1));
        List<String> expected = UTF8_SORTED.stream().map(p -> p.equals("/o/a/b") ? "/o/a/" : p).toList();
        List<String> reversed = new ArrayList<>(expected);
        Collections.reverse(reversed);

        assertThat(listAll(user, "/o/", true, false)).isEqualTo(expected);
        assertThat(listAll(user, "/o/", true, true)).isEqualTo(reversed);
        assertThat(listPaged(user, "/o/", true, false, 3)).isEqualTo(expected);
        assertThat(listPaged(user, "/o/", true, true, 3)).isEqualTo(reversed);
    }

    @Test
    default void cursorsCompareByUtf8Bytes() {
        String user = newUser();
        UTF8_SORTED.forEach(path -> put(user, path, 1));

        // U+FFFD sorts before U+1F600 in UTF-8 (EF.. < F0..) although '\ufffd' > '\ud83d' as chars
        assertThat(list(user, "/o/", false, false, java.util.Optional.of("/o/\ufffd"), 10))
                .containsExactly("/o/\ud800\udc00", "/o/\ud83d\ude00");
        assertThat(list(user, "/o/", false, true, java.util.Optional.of("/o/\ud800\udc00"), 2))
                .containsExactly("/o/\ufffd", "/o/\uff21");
        assertThat(list(user, "/o/", true, false, java.util.Optional.of("/o/a.b"), 2))
                .containsExactly("/o/a/", "/o/a0");
    }

    @Test
    default void directoriesWithUnicodeNamesAreFoundByPrefix() {
        String user = newUser();
        put(user, "/pub/\u00e9t\u00e9/\ud83d\ude00.txt", 1);
        put(user, "/pub/\u00e9t\u00e9-bis/x", 1);

        assertThat(store().entries().directoryExists(user, "/pub/\u00e9t\u00e9/")).isTrue();
        assertThat(listAll(user, "/pub/\u00e9t\u00e9/", false, false))
                .containsExactly("/pub/\u00e9t\u00e9/\ud83d\ude00.txt");
        assertThat(listAll(user, "/pub/", true, false)).containsExactly("/pub/\u00e9t\u00e9-bis/",
                "/pub/\u00e9t\u00e9/");
    }
}
