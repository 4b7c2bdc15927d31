/**
 * A Mainline DHT node in Java (KRPC over UDP; BEP 5, 42, 43, 44): {@link
 * org.pubky.dht.mainline.MainlineNode} with its {@link org.pubky.dht.mainline.NodeConfig}, and the
 * {@code mainline} {@link org.pubky.spi.dht.DhtTransport} built on it
 * ({@link org.pubky.dht.mainline.MainlineDhtTransportProvider}). Sub-packages: {@code krpc} (the
 * wire), {@code routing} (ids, table, BEP 42), {@code storage} (what a server keeps for others),
 * {@code testing} (a loopback testnet for tests of any module). See {@code docs/dht.md}.
 */
package org.pubky.dht.mainline;
