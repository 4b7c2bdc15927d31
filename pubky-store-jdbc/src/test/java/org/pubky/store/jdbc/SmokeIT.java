package org.pubky.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pubky.spi.storage.ListQuery;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.StoredBlob;
import org.pubky.store.jdbc.db.Dialect;

final class SmokeIT {
    static final String USER = "8pinxxgqs41n4aididenw5apqp1urfmzdztr8jt4abrkdn435ewo";

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void basicRoundTrip(Dialect dialect) {
        try (TestDatabase tdb = TestDatabase.create(dialect);
                JdbcMetadataStore store = JdbcMetadataStore.open(tdb.context(), tdb.config())) {
            store.users().create(USER, Instant.now(), Optional.empty());
            long t0 = System.nanoTime();
            int n = 2000;
            for (int i = 0; i < n; i++) {
                store.entries().put(new PutUnit(USER, "/pub/a/f" + i, new StoredBlob("b" + i, 10), new byte[32],
                        "text/plain", Instant.now(), PutUnit.NO_LIMIT, true));
            }
            long t1 = System.nanoTime();
            System.out.printf("%s: %d puts in %d ms = %.0f puts/s%n", dialect, n, (t1 - t0) / 1_000_000,
                    n / ((t1 - t0) / 1e9));
            assertThat(store.entries().list(new ListQuery(USER, "/pub/", Optional.empty(), 10, false, true)))
                    .containsExactly("/pub/a/");
            assertThat(store.users().find(USER).orElseThrow().usedBytes()).isEqualTo(n * 266L);
            assertThat(store.events().lastCursor()).isEqualTo(n);
        }
    }
}
