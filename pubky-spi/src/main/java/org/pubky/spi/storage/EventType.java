package org.pubky.spi.storage;

/** The two kinds of event, with their wire names. */
public enum EventType {
    PUT, DEL
}
