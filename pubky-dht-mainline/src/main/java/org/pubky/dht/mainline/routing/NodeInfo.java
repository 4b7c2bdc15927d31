package org.pubky.dht.mainline.routing;

import static java.util.Objects.requireNonNull;

import java.net.Inet4Address;
import java.net.InetSocketAddress;

/**
 * A DHT node: its id and the IPv4 UDP address it answers on.
 *
 * @param id the node id
 * @param address a resolved IPv4 address with a port in 1..65535
 */
public record NodeInfo(NodeId id, InetSocketAddress address) {
    public NodeInfo {
        requireNonNull(id, "id is null");
        requireNonNull(address, "address is null");
        if (!(address.getAddress() instanceof Inet4Address)) {
            throw new IllegalArgumentException("only resolved IPv4 addresses are supported: " + address);
        }
        if (address.getPort() == 0) {
            throw new IllegalArgumentException("port 0 is not an address a node answers on");
        }
    }

    /** The 4 address bytes. */
    public byte[] ipBytes() {
        return address.getAddress().getAddress();
    }
}
