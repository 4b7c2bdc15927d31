package org.pubky.spi.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * One entry of the event log.
 *
 * @param cursor the event's id: positive, unique and strictly increasing in commit order across
 *     all users, across restarts and across instances sharing the store
 * @param type PUT or DEL
 * @param user the owner of the path
 * @param path the file path
 * @param contentHash the content hash for PUT events; empty for DEL
 * @param createdAt when the event was committed
 */
public record Event(long cursor, EventType type, String user, String path, Optional<byte[]> contentHash,
        Instant createdAt) {
    public Event {
        if (cursor < 1) {
            throw new IllegalArgumentException("cursor must be positive");
        }
        requireNonNull(type, "type is null");
        Checks.user(user);
        Checks.filePath(path);
        contentHash = requireNonNull(contentHash, "contentHash is null").map(Checks::hash);
        if (contentHash.isPresent() != (type == EventType.PUT)) {
            throw new IllegalArgumentException("PUT events carry a content hash, DEL events none");
        }
        requireNonNull(createdAt, "createdAt is null");
    }

    @Override
    public Optional<byte[]> contentHash() {
        return contentHash.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event e && cursor == e.cursor && type == e.type && user.equals(e.user)
                && path.equals(e.path) && createdAt.equals(e.createdAt)
                && Arrays.equals(contentHash.orElse(null), e.contentHash.orElse(null));
    }

    @Override
    public int hashCode() {
        return Long.hashCode(cursor);
    }

    @Override
    public String toString() {
        return "Event[" + cursor + " " + type + " " + user + path + "]";
    }
}
