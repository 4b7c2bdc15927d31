package org.pubky.core.storage.memory;

import java.util.Map;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.MetadataStoreProvider;
import org.pubky.spi.storage.UnitProbe;

/**
 * Opens {@link InMemoryMetadataStore}s under the name {@code memory}. Takes no configuration
 * keys (an unknown key is refused, so a typo does not pass silently) and uses the context's
 * {@link UnitProbe} service when the host provides one.
 */
public final class InMemoryMetadataStoreProvider implements MetadataStoreProvider {
    @Override
    public String name() {
        return "memory";
    }

    @Override
    public MetadataStore open(ProviderContext context, Map<String, String> config) {
        if (!config.isEmpty()) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT,
                    "the memory metadata store takes no configuration, got: " + String.join(", ", config.keySet()));
        }
        return new InMemoryMetadataStore(context.service(UnitProbe.class).orElse(UnitProbe.NONE));
    }
}
