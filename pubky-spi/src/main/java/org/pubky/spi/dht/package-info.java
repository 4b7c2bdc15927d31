/**
 * The DHT transport SPI: publishing and resolving signed BEP44 mutable items over a Mainline DHT
 * node, PKARR relays or a test network. Items are opaque here; the core encodes and verifies
 * PKARR packets.
 */
package org.pubky.spi.dht;
