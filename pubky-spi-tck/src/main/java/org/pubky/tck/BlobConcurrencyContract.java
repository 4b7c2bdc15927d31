package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pubky.spi.storage.StoredBlob;

/** Concurrent writes get distinct ids and keep their content apart; concurrent readers agree. */
@Timeout(60)
public interface BlobConcurrencyContract extends BlobStoreFixture {
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void concurrentWritesKeepTheirContentApart() {
        int threads = 8;
        int perThread = 12;

        List<Race.Outcome<List<StoredBlob>>> outcomes = Race.run(threads, racer -> {
            List<StoredBlob> mine = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                int seed = racer * 100 + i;
                mine.add(write(GeneratedContent.bytes(seed, (seed * 7919) % 150_000)));
            }
            return mine;
        });

        assertThat(Race.losers(outcomes)).isEmpty();
        Set<String> ids = new HashSet<>();
        for (Race.Outcome<List<StoredBlob>> outcome : outcomes) {
            for (int i = 0; i < perThread; i++) {
                int seed = outcome.racer() * 100 + i;
                StoredBlob blob = outcome.value().get(i);
                byte[] expected = GeneratedContent.bytes(seed, (seed * 7919) % 150_000);
                assertThat(blob.length()).isEqualTo(expected.length);
                assertThat(read(blob.id())).as("blob of seed %d", seed).isEqualTo(expected);
                ids.add(blob.id());
            }
        }
        assertThat(ids).hasSize(threads * perThread);
        assertThat(scanAll()).isEqualTo(ids);
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    default void concurrentReadersAndDeletersOfOtherBlobsDoNotDisturbEachOther() {
        byte[] content = GeneratedContent.bytes(77, 300_000);
        StoredBlob shared = write(content);
        List<StoredBlob> doomed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            doomed.add(write(GeneratedContent.bytes(i, 1000)));
        }

        List<Race.Outcome<Boolean>> outcomes = Race.run(8, racer -> {
            boolean deleted = blobs().delete(doomed.get(racer).id());
            return deleted && Arrays.equals(read(shared.id()), content);
        });

        assertThat(Race.losers(outcomes)).isEmpty();
        assertThat(outcomes).allSatisfy(o -> assertThat(o.value()).isTrue());
        assertThat(scanAll()).containsExactly(shared.id());
    }
}
