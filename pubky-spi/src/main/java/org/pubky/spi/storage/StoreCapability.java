package org.pubky.spi.storage;

/**
 * Optional abilities of a store. The compliance kit asserts that a store without a capability
 * refuses the matching call with {@code ErrorCode.UNSUPPORTED} rather than misbehaving.
 */
public enum StoreCapability {
    /** {@link EventLog#subscribe} also wakes for events committed by other processes. */
    CROSS_INSTANCE_NOTIFICATIONS,
    /** {@link BlobStore#open(String, long, long)} reads a byte range without reading the rest. */
    RANGE_READS,
    /** The data survives closing and reopening the store. */
    DURABLE
}
