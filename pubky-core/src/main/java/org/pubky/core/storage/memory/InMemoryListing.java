package org.pubky.core.storage.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import org.pubky.spi.storage.ListQuery;
import org.pubky.spi.storage.PathOrder;

/**
 * Directory listings over one user's paths sorted by {@link PathOrder}. Every path below a
 * directory {@code d/} lies in the half-open range {@code [d/, d0)} ({@code 0} follows {@code /}),
 * so a listing seeks into that range and, in shallow mode, jumps over a whole child directory
 * with one more seek: O((limit + 1) log n) however many entries the directory holds.
 *
 * <p>The cursor is an exclusive bound on what is listed. In shallow mode that is the child
 * ({@code d/sub/} for a directory): a cursor inside a child directory therefore skips the child
 * going forward and keeps it going in reverse, as the reference's SQL does.
 */
final class InMemoryListing {
    private InMemoryListing() {
    }

    static List<String> list(NavigableMap<String, ?> paths, ListQuery query) {
        if (query.shallow()) {
            return query.reverse() ? shallowReverse(paths, query) : shallowForward(paths, query);
        }
        return query.reverse() ? deepReverse(paths, query) : deepForward(paths, query);
    }

    /** True if some path lies below {@code directory}. */
    static boolean hasPathsBelow(NavigableMap<String, ?> paths, String directory) {
        String first = paths.ceilingKey(directory);
        return first != null && first.startsWith(directory);
    }

    /** The smallest string above every string that starts with {@code directory} (which ends with '/'). */
    static String rangeEnd(String directory) {
        return directory.substring(0, directory.length() - 1) + '0';
    }

    private static List<String> deepForward(NavigableMap<String, ?> paths, ListQuery query) {
        String dir = query.directory();
        String end = rangeEnd(dir);
        Optional<String> cursor = query.cursor();
        NavigableMap<String, ?> range;
        if (cursor.isEmpty() || PathOrder.compare(cursor.get(), dir) < 0) {
            range = paths.subMap(dir, true, end, false);
        } else if (PathOrder.compare(cursor.get(), end) >= 0) {
            return List.of();
        } else {
            range = paths.subMap(cursor.get(), false, end, false);
        }
        return take(range, query.limit());
    }

    private static List<String> deepReverse(NavigableMap<String, ?> paths, ListQuery query) {
        String dir = query.directory();
        String end = rangeEnd(dir);
        Optional<String> cursor = query.cursor();
        String upper = cursor.isPresent() && PathOrder.compare(cursor.get(), end) < 0 ? cursor.get() : end;
        if (PathOrder.compare(upper, dir) <= 0) {
            return List.of();
        }
        return take(paths.subMap(dir, true, upper, false).descendingMap(), query.limit());
    }

    private static List<String> take(NavigableMap<String, ?> range, int limit) {
        List<String> out = new ArrayList<>(Math.min(limit, 1024));
        for (String path : range.keySet()) {
            if (out.size() == limit) {
                break;
            }
            out.add(path);
        }
        return out;
    }

    private static List<String> shallowForward(NavigableMap<String, ?> paths, ListQuery query) {
        String dir = query.directory();
        String from = dir;
        boolean inclusive = true;
        if (query.cursor().isPresent() && PathOrder.compare(query.cursor().get(), dir) >= 0) {
            String cursor = query.cursor().get();
            String child = childDirectory(dir, cursor);
            if (child != null) {
                from = rangeEnd(child);
            } else {
                from = cursor;
                inclusive = false;
            }
        }
        List<String> out = new ArrayList<>(Math.min(query.limit(), 1024));
        while (out.size() < query.limit()) {
            String path = inclusive ? paths.ceilingKey(from) : paths.higherKey(from);
            if (path == null || !path.startsWith(dir)) {
                break;
            }
            String child = childDirectory(dir, path);
            if (child == null) {
                out.add(path);
                from = path;
                inclusive = false;
            } else {
                out.add(child);
                from = rangeEnd(child);
                inclusive = true;
            }
        }
        return out;
    }

    private static List<String> shallowReverse(NavigableMap<String, ?> paths, ListQuery query) {
        String dir = query.directory();
        String before = rangeEnd(dir);
        List<String> out = new ArrayList<>(Math.min(query.limit(), 1024));
        if (query.cursor().isPresent() && PathOrder.compare(query.cursor().get(), before) < 0) {
            String cursor = query.cursor().get();
            if (PathOrder.compare(cursor, dir) <= 0) {
                return out;
            }
            String child = childDirectory(dir, cursor);
            if (child == null) {
                before = cursor;
            } else {
                // the child sorts before a cursor inside it, so it is listed unless the cursor is the child
                if (!cursor.equals(child) && hasPathsBelow(paths, child)) {
                    out.add(child);
                }
                before = child;
            }
        }
        while (out.size() < query.limit()) {
            String path = paths.lowerKey(before);
            if (path == null || !path.startsWith(dir)) {
                break;
            }
            String child = childDirectory(dir, path);
            if (child == null) {
                out.add(path);
                before = path;
            } else {
                out.add(child);
                before = child;
            }
        }
        return out;
    }

    /**
     * The immediate child directory of {@code dir} that {@code path} lies in ({@code dir/sub/}),
     * or null if {@code path} does not lie below {@code dir} in a sub-directory.
     */
    private static String childDirectory(String dir, String path) {
        if (!path.startsWith(dir)) {
            return null;
        }
        int slash = path.indexOf('/', dir.length());
        return slash < 0 ? null : path.substring(0, slash + 1);
    }
}
