package org.pubky.dht.mainline;

/** How a node takes part in the DHT. */
public enum Mode {
    /**
     * Read-only client (BEP 43): queries carry {@code ro=1}, incoming queries are not answered,
     * other nodes keep it out of their routing tables. Right behind a NAT or firewall.
     */
    CLIENT,
    /** A full node: answers queries, stores items and peers for others. */
    SERVER,
    /**
     * Starts as {@link #CLIENT}; once responders agree on its external address and a ping sent to
     * that address comes back to it (so it is reachable), it becomes a {@link #SERVER} after
     * {@link NodeConfig#adaptiveDelay()}. The Rust node's default.
     */
    ADAPTIVE
}
