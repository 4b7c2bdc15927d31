/**
 * Who the node knows: 160-bit ids and XOR distance, BEP 42 secure ids, the k-bucket routing
 * table, and the vote that tells the node its own external address.
 */
package org.pubky.dht.mainline.routing;
