package org.pubky.spi.storage;

import static java.util.Objects.requireNonNull;

/**
 * What a committed delete did.
 *
 * @param removed the entry that was removed; the caller deletes its blob after the commit
 * @param event the DEL event the unit appended
 */
public record DeleteOutcome(Entry removed, Event event) {
    public DeleteOutcome {
        requireNonNull(removed, "removed is null");
        requireNonNull(event, "event is null");
    }
}
