package org.pubky.spi.dht;

/**
 * What a successful publish achieved.
 *
 * @param storedAt how many nodes (or relays) confirmed storing the item, at least 1
 */
public record PublishResult(int storedAt) {
    public PublishResult {
        if (storedAt < 1) {
            throw new IllegalArgumentException("a successful publish stored the item at least once");
        }
    }
}
