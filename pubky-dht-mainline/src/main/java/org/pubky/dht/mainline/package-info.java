/**
 * A Mainline DHT node (KRPC over UDP; BEP 5, 42, 43, 44). Filled by the DHT issue.
 */
package org.pubky.dht.mainline;
