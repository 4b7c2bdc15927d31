package org.pubky.spi.dht;

import org.pubky.spi.Provider;

/** Opens {@link DhtTransport}s; found with {@link java.util.ServiceLoader} by {@link #name()}. */
public interface DhtTransportProvider extends Provider<DhtTransport> {
}
