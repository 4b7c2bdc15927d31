package org.pubky.store.lmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.storage.ListQuery;
import org.pubky.spi.storage.UnitProbe;

/**
 * Regression test for lmdbjava issue 252 (fixed in 0.9.2): with the {@code byte[]} proxy the
 * off-heap copy of a key or value could be freed by the garbage collector before LMDB read it,
 * corrupting data or crashing the JVM. Writes and reads run while another thread forces
 * collections; every value must read back intact.
 */
final class GcPressureTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void valuesSurviveGarbageCollectionDuringNativeCalls() throws Exception {
        String user = Fixtures.user(77);
        AtomicBoolean stop = new AtomicBoolean();
        Thread collector = new Thread(() -> {
            while (!stop.get()) {
                System.gc();
            }
        });
        try (LmdbMetadataStore store = Fixtures.open(dir, Map.of("sync", "false"), UnitProbe.NONE)) {
            store.users().create(user, Fixtures.T0, Optional.empty());
            collector.start();
            for (int i = 0; i < 1500; i++) {
                String path = "/pub/gc/" + "q".repeat(i % 500) + "/" + i;
                store.entries().put(Fixtures.put(user, path, i));
                assertThat(store.entries().find(user, path))
                        .hasValueSatisfying(e -> assertThat(e.length()).isEqualTo(Long.parseLong(
                                path.substring(path.lastIndexOf('/') + 1))));
                if (i % 100 == 0) {
                    assertThat(store.entries().list(new ListQuery(user, "/pub/gc/", Optional.empty(), 50, false,
                            true))).isNotEmpty();
                }
            }
        } finally {
            stop.set(true);
            collector.join();
        }
    }
}
