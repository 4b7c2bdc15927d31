package org.pubky.dht.mainline;

import org.pubky.core.bencode.BencodeWriter;
import org.pubky.dht.mainline.routing.NodeId;

/** Writes the {@code a} dictionary of a query (begin, sorted entries, end) for the node's current id. */
@FunctionalInterface
interface QueryArgs {
    void write(BencodeWriter w, NodeId self);
}
