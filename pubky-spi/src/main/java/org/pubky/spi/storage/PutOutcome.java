package org.pubky.spi.storage;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a committed {@link PutUnit} did.
 *
 * @param entry the entry as stored now
 * @param replaced the entry it overwrote; its blob is no longer referenced by this path and the
 *     caller deletes it after the commit
 * @param event the PUT event the unit appended
 */
public record PutOutcome(Entry entry, Optional<Entry> replaced, Event event) {
    public PutOutcome {
        requireNonNull(entry, "entry is null");
        requireNonNull(replaced, "replaced is null");
        requireNonNull(event, "event is null");
    }
}
