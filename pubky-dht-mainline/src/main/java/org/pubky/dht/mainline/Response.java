package org.pubky.dht.mainline;

import java.net.InetSocketAddress;
import org.pubky.core.bencode.BencodeDict;
import org.pubky.dht.mainline.routing.NodeId;
import org.pubky.dht.mainline.routing.NodeInfo;

/**
 * A response to one of our queries, as handed to a {@link ResponseHandler}. {@code body} (the
 * {@code r} dictionary) is a view on the receive buffer: valid only during the handler call, so
 * handlers copy what they keep.
 */
record Response(InetSocketAddress from, NodeId id, BencodeDict body) {
    NodeInfo node() {
        return new NodeInfo(id, from);
    }
}
