/**
 * Test support that ships with the module: {@link org.pubky.dht.mainline.testing.LoopbackTestnet},
 * N DHT nodes on 127.0.0.1 for tests of this and other modules. Not meant for production use.
 */
package org.pubky.dht.mainline.testing;
