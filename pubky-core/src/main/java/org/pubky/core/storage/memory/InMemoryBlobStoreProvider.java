package org.pubky.core.storage.memory;

import java.util.Map;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.BlobStoreProvider;

/**
 * Opens {@link InMemoryBlobStore}s under the name {@code memory}, stamped by the context's clock.
 * Takes no configuration keys.
 */
public final class InMemoryBlobStoreProvider implements BlobStoreProvider {
    @Override
    public String name() {
        return "memory";
    }

    @Override
    public BlobStore open(ProviderContext context, Map<String, String> config) {
        if (!config.isEmpty()) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT,
                    "the memory blob store takes no configuration, got: " + String.join(", ", config.keySet()));
        }
        return new InMemoryBlobStore(context.clock());
    }
}
