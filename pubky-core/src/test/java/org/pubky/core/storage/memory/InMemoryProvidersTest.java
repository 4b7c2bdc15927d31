package org.pubky.core.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.Providers;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.BlobStoreProvider;
import org.pubky.spi.storage.MetadataStoreProvider;
import org.pubky.spi.storage.StoreCapability;

final class InMemoryProvidersTest {
    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void bothProvidersAreFoundByTheNameMemory() {
        assertThat(Providers.find(MetadataStoreProvider.class, "memory", loader))
                .isInstanceOf(InMemoryMetadataStoreProvider.class);
        assertThat(Providers.find(BlobStoreProvider.class, "memory", loader))
                .isInstanceOf(InMemoryBlobStoreProvider.class);
    }

    @Test
    void unknownConfigurationIsRefusedByName(@TempDir Path dir) {
        ProviderContext context = ProviderContext.of(dir);

        assertThatThrownBy(() -> new InMemoryMetadataStoreProvider().open(context, Map.of("sizee", "1")))
                .isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("sizee");
        assertThatThrownBy(() -> new InMemoryBlobStoreProvider().open(context, Map.of("chunk", "1")))
                .isInstanceOfSatisfying(PubkyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("chunk");
    }

    @Test
    void capabilitiesAreHonest(@TempDir Path dir) {
        ProviderContext context = ProviderContext.of(dir);
        try (var metadata = new InMemoryMetadataStoreProvider().open(context, Map.of());
                var blobs = new InMemoryBlobStoreProvider().open(context, Map.of())) {
            assertThat(metadata.capabilities()).isEmpty();
            assertThat(blobs.capabilities()).containsExactly(StoreCapability.RANGE_READS);
        }
    }

    @Test
    void rangesOutsideTheBlobAreRefused(@TempDir Path dir) {
        try (var blobs = new InMemoryBlobStoreProvider().open(ProviderContext.of(dir), Map.of())) {
            String id = blobs.write(new ByteArrayInputStream(new byte[10])).id();

            for (long[] range : new long[][] {{-1, 1}, {0, -1}, {11, 0}, {5, 6}, {Long.MAX_VALUE, 1}}) {
                assertThatThrownBy(() -> blobs.open(id, range[0], range[1])).as("%d+%d", range[0], range[1])
                        .isInstanceOfSatisfying(PubkyException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_INPUT));
            }
        }
    }
}
