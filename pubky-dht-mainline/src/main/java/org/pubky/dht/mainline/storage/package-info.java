/**
 * What a server-mode node keeps for others: BEP 44 items (with the seq, cas and equal-seq rules),
 * BEP 5 peers, and the IP-bound write tokens with rotating secrets.
 */
package org.pubky.dht.mainline.storage;
