/**
 * BEP 44 mutable items, the storage PKARR uses on the Mainline DHT: the bencoded string that is
 * signed, the DHT target a key (and salt) is stored under, and the item value itself.
 */
package org.pubky.core.bep44;
