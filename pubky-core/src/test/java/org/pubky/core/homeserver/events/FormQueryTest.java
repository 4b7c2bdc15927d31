package org.pubky.core.homeserver.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pubky.core.testing.RandomText;

final class FormQueryTest {
    @Test
    void pairsInOrderWithRepeatsAndKeyOnlyPairs() {
        assertThat(FormQuery.parse("user=a&path=/pub/&user=b:5&&live&x="))
                .containsExactly(Map.entry("user", "a"), Map.entry("path", "/pub/"), Map.entry("user", "b:5"),
                        Map.entry("live", ""), Map.entry("x", ""));
        assertThat(FormQuery.parse(null)).isEmpty();
        assertThat(FormQuery.parse("")).isEmpty();
        assertThat(FormQuery.parse("a=b=c")).containsExactly(Map.entry("a", "b=c"));
    }

    @Test
    void decodesPlusAndPercentEscapesAsFormUrlEncoding() {
        assertThat(FormQuery.parse("path=%2Fpub%2Fa+b%20c&k%65y=v")).containsExactly(
                Map.entry("path", "/pub/a b c"), Map.entry("key", "v"));
        assertThat(FormQuery.parse("p=caf%C3%A9")).containsExactly(Map.entry("p", "café"));
        assertThat(FormQuery.parse("p=%zz%4&q=%")).containsExactly(Map.entry("p", "%zz%4"), Map.entry("q", "%"));
        assertThat(FormQuery.parse("p=%FF%C3")).containsExactly(Map.entry("p", "\uFFFD\uFFFD"));
        assertThat(FormQuery.parse("p=é😀")).containsExactly(Map.entry("p", "é😀"));
    }

    @Test
    void neverThrowsOnHostileInput() {
        Random random = new Random(11);
        for (int i = 0; i < 5000; i++) {
            String raw = RandomText.next(random, 12).replace(':', '&').replace(',', '%');
            assertThat(FormQuery.parse(raw)).isNotNull();
        }
    }
}
