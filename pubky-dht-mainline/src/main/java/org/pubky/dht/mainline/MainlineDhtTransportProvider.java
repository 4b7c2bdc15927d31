package org.pubky.dht.mainline;

import java.util.Map;
import org.pubky.spi.ProviderContext;
import org.pubky.spi.dht.DhtTransport;
import org.pubky.spi.dht.DhtTransportProvider;

/**
 * The {@code mainline} DHT transport: runs a Mainline DHT node in-process. Configuration keys are
 * those of {@link NodeConfig#fromMap} ({@code bootstrap}, {@code port}, {@code bind},
 * {@code mode=client|server|adaptive}, {@code request-timeout}, {@code tid-length}, …); the
 * context's clock drives token rotation. Stateless.
 */
public final class MainlineDhtTransportProvider implements DhtTransportProvider {
    /** The provider name. */
    public static final String NAME = "mainline";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DhtTransport open(ProviderContext context, Map<String, String> config) {
        return MainlineDhtTransport.start(NodeConfig.fromMap(config, context.clock()));
    }
}
