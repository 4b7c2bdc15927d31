package org.pubky.dht.mainline;

import org.pubky.dht.mainline.routing.NodeInfo;

/**
 * A node that answered during a lookup, with the write token it handed out ({@code null} if
 * none).
 */
record Responder(NodeInfo node, byte[] token) {
}
