package org.pubky.core.homeserver.storage;

import java.util.List;

/**
 * The per-user write allow-list: a directory entry (trailing {@code /}) allows every path below
 * it, a file entry exactly that path; an empty list allows nothing.
 */
public final class WritePaths {
    private WritePaths() {
    }

    /** True if {@code path} may be written under {@code allowed}. */
    public static boolean allows(List<String> allowed, String path) {
        for (String entry : allowed) {
            if (entry.endsWith("/") ? path.startsWith(entry) : path.equals(entry)) {
                return true;
            }
        }
        return false;
    }
}
