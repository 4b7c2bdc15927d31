package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link org.pubky.spi.storage.ReplayStore}: single-use values. */
@Timeout(60)
public interface ReplayContract extends MetadataStoreFixture {
    @Test
    default void valueIsFirstUsedOnce() {
        Instant at = clock().instant();

        assertThat(store().replays().firstUse("pop:nonce-1", at)).isTrue();
        assertThat(store().replays().firstUse("pop:nonce-1", later(1))).isFalse();
        assertThat(store().replays().firstUse("pop:nonce-1", at)).isFalse();
        assertThat(store().replays().firstUse("pop:nonce-2", at)).isTrue();
        assertThat(store().replays().firstUse("auth:nonce-1", at)).isTrue();
    }

    @Test
    default void keysAreExactAndCaseSensitiveUpTo128Characters() {
        Instant at = clock().instant();
        String longest = "k".repeat(127) + "é";

        assertThat(store().replays().firstUse(longest, at)).isTrue();
        assertThat(store().replays().firstUse(longest, at)).isFalse();
        assertThat(store().replays().firstUse("k".repeat(127) + "e", at)).isTrue();
        assertThat(store().replays().firstUse("Nonce", at)).isTrue();
        assertThat(store().replays().firstUse("nonce", at)).isTrue();
        assertThat(store().replays().firstUse("nonce ", at)).isTrue();
    }

    @Test
    default void purgeForgetsOnlyValuesRecordedBeforeTheCutoff() {
        Instant now = clock().instant();
        store().replays().firstUse("old-1", now.minusSeconds(400));
        store().replays().firstUse("old-2", now.minusSeconds(361));
        store().replays().firstUse("young", now.minusSeconds(10));

        assertThat(store().replays().purgeOlderThan(now.minusSeconds(360))).isEqualTo(2);

        for (String key : List.of("old-1", "old-2")) {
            assertThat(store().replays().firstUse(key, now)).as(key).isTrue();
        }
        assertThat(store().replays().firstUse("young", now)).isFalse();
        assertThat(store().replays().purgeOlderThan(now.minusSeconds(360))).isZero();
    }
}
