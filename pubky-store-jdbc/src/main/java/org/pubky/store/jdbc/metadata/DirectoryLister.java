package org.pubky.store.jdbc.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pubky.spi.storage.ListQuery;
import org.pubky.store.jdbc.db.Database;

/**
 * Directory listings as index range scans over {@code (user_id, path)}.
 *
 * <p>Deep: one query, {@code path} in {@code [dir, dir0)} past the cursor, {@code LIMIT n}.
 * Shallow: the same range read in small batches; a row below a child directory yields that child
 * once and the next query seeks past the child's whole range ({@code [child/, child0)}) instead of
 * reading it. Every query therefore yields at least one result or ends the listing, and reads at most
 * {@link #SHALLOW_BATCH} rows: O(limit + depth) work however large the directory or its children.
 *
 * <p>Order is by unsigned UTF-8 bytes; a reversed listing is exactly the ascending one reversed
 * (a child directory {@code a/} sorts after a file {@code a} and after {@code a-b}).
 */
final class DirectoryLister {
    /** Rows read per shallow query; bounds the waste when a batch lands inside a large child. */
    static final int SHALLOW_BATCH = 64;

    private final Database db;
    private final String entries;
    private final String users;

    DirectoryLister(Database db) {
        this.db = db;
        this.entries = db.table("entries");
        this.users = db.table("users");
    }

    List<String> list(ListQuery q) {
        byte[] dir = PathBytes.encodeBound(q.directory());
        Range range = Range.of(dir, q);
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            if (range.isEmpty()) {
                return out;
            }
            Range r = range;
            while (out.size() < q.limit()) {
                int batch = q.shallow() ? Math.min(q.limit() - out.size(), SHALLOW_BATCH) : q.limit();
                List<byte[]> rows = scan(c, q.user(), r, q.reverse(), batch);
                byte[] skipping = null;
                for (byte[] path : rows) {
                    if (skipping != null && PathBytes.startsWith(path, skipping)) {
                        continue;
                    }
                    skipping = null;
                    int slash = q.shallow() ? PathBytes.indexOfSlash(path, dir.length) : -1;
                    if (slash < 0) {
                        out.add(PathBytes.decode(path));
                        r = r.after(path, q.reverse());
                    } else {
                        byte[] child = Arrays.copyOf(path, slash + 1);
                        out.add(PathBytes.decode(child));
                        r = r.pastChild(child, q.reverse());
                        skipping = child;
                    }
                    if (out.size() == q.limit()) {
                        return out;
                    }
                }
                if (rows.size() < batch) {
                    return out;
                }
            }
            return out;
        });
    }

    private List<byte[]> scan(Connection c, String user, Range r, boolean reverse, int limit)
            throws SQLException {
        String sql = "SELECT path FROM " + entries + " WHERE user_id = (SELECT id FROM " + users
                + " WHERE public_key = ?) AND path " + (r.lowInclusive ? ">=" : ">")
                + " ? AND path " + (r.highInclusive ? "<=" : "<") + " ? ORDER BY path " + (reverse ? "DESC" : "ASC")
                + " LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, user);
            ps.setBytes(2, r.low);
            ps.setBytes(3, r.high);
            ps.setInt(4, limit);
            List<byte[]> out = new ArrayList<>(Math.min(limit, 1024));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getBytes(1));
                }
            }
            return out;
        }
    }

    /** A byte range of paths still to list. */
    private record Range(byte[] low, boolean lowInclusive, byte[] high, boolean highInclusive) {
        static Range of(byte[] dir, ListQuery q) {
            byte[] end = PathBytes.directoryEnd(dir);
            Range all = new Range(dir, true, end, false);
            if (q.cursor().isEmpty()) {
                return all;
            }
            byte[] cursor = PathBytes.encodeBound(q.cursor().get());
            if (q.shallow() && PathBytes.startsWith(cursor, dir) && cursor.length > dir.length) {
                int slash = PathBytes.indexOfSlash(cursor, dir.length);
                if (slash >= 0) {
                    // the cursor compares against the listed child "dir/child/": going forward a
                    // cursor at or inside it skips the child; in reverse the child sorts before a
                    // cursor strictly inside it, so the child is still listed
                    byte[] child = Arrays.copyOf(cursor, slash + 1);
                    if (q.reverse() && cursor.length > child.length) {
                        return all.after(PathBytes.directoryEnd(child), true);
                    }
                    return all.pastChild(child, q.reverse());
                }
            }
            return all.after(cursor, q.reverse());
        }

        /** The part of this range strictly after {@code path} in listing direction. */
        Range after(byte[] path, boolean reverse) {
            if (reverse) {
                return PathBytes.compare(path, high) < 0 || PathBytes.compare(path, high) == 0 && highInclusive
                        ? new Range(low, lowInclusive, path, false) : this;
            }
            return PathBytes.compare(path, low) > 0 || PathBytes.compare(path, low) == 0 && lowInclusive
                    ? new Range(path, false, high, highInclusive) : this;
        }

        /** The part of this range beyond everything below {@code child} (which ends with '/'). */
        Range pastChild(byte[] child, boolean reverse) {
            if (reverse) {
                // everything below child/ is >= child/, so stop strictly before it
                return PathBytes.compare(child, high) < 0 ? new Range(low, lowInclusive, child, false) : this;
            }
            byte[] end = PathBytes.directoryEnd(child);
            return PathBytes.compare(end, low) > 0 ? new Range(end, true, high, highInclusive) : this;
        }

        boolean isEmpty() {
            int cmp = PathBytes.compare(low, high);
            return cmp > 0 || cmp == 0 && !(lowInclusive && highInclusive);
        }
    }
}
