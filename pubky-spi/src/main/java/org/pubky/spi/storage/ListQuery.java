package org.pubky.spi.storage;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A directory listing request.
 *
 * @param user the owner
 * @param directory the canonical directory path, ending with {@code /}
 * @param cursor an exclusive bound: results start strictly after it (strictly before it when
 *     {@code reverse}); in a shallow listing the bound compares against the child paths, so going
 *     forward a cursor inside a child directory skips that child, while in reverse the child
 *     (which sorts before the cursor) is listed, as the reference does
 * @param limit the maximum number of results, at least 1
 * @param reverse descending order instead of ascending
 * @param shallow immediate children only, each sub-directory once with a trailing {@code /};
 *     otherwise every file below the directory
 */
public record ListQuery(String user, String directory, Optional<String> cursor, int limit, boolean reverse,
        boolean shallow) {
    public ListQuery {
        Checks.user(user);
        Checks.directoryPath(directory);
        requireNonNull(cursor, "cursor is null");
        cursor.ifPresent(Checks::path);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }
}
