package org.pubky.store.jdbc.metadata;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.QuotaOverrides;

/**
 * The six quota columns shared by users and signup tokens (NULL = default). The allowed write
 * paths are a JSON array of strings, as in the reference schema, so that an administrator reading
 * the table sees them; an empty array (read-only user) differs from NULL (the default).
 */
final class QuotaColumns {
    /** The column list, in the order {@link #bind} and {@link #read} use. */
    static final String NAMES = "quota_storage_mb, quota_rate_read, quota_rate_write, quota_rate_read_burst, "
            + "quota_rate_write_burst, allowed_write_paths";
    static final int COUNT = 6;

    private QuotaColumns() {
    }

    /** Binds the six columns starting at parameter {@code index}. */
    static void bind(PreparedStatement ps, int index, QuotaOverrides q) throws SQLException {
        if (q.storageQuotaMb().isPresent()) {
            ps.setLong(index, q.storageQuotaMb().getAsLong());
        } else {
            ps.setNull(index, Types.BIGINT);
        }
        ps.setString(index + 1, q.rateRead().orElse(null));
        ps.setString(index + 2, q.rateWrite().orElse(null));
        bindInt(ps, index + 3, q.rateReadBurst());
        bindInt(ps, index + 4, q.rateWriteBurst());
        ps.setString(index + 5, q.allowedWritePaths().map(QuotaColumns::toJson).orElse(null));
    }

    private static void bindInt(PreparedStatement ps, int index, OptionalInt v) throws SQLException {
        if (v.isPresent()) {
            ps.setInt(index, v.getAsInt());
        } else {
            ps.setNull(index, Types.INTEGER);
        }
    }

    /** Reads the six columns starting at column {@code index}. */
    static QuotaOverrides read(ResultSet rs, int index) throws SQLException {
        long mb = rs.getLong(index);
        OptionalLong storage = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(mb);
        Optional<String> read = Optional.ofNullable(rs.getString(index + 1));
        Optional<String> write = Optional.ofNullable(rs.getString(index + 2));
        int rb = rs.getInt(index + 3);
        OptionalInt readBurst = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(rb);
        int wb = rs.getInt(index + 4);
        OptionalInt writeBurst = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(wb);
        Optional<List<String>> paths = Optional.ofNullable(rs.getString(index + 5)).map(QuotaColumns::fromJson);
        return new QuotaOverrides(storage, read, write, readBurst, writeBurst, paths);
    }

    static String toJson(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"');
            String s = values.get(i);
            for (int k = 0; k < s.length(); k++) {
                char ch = s.charAt(k);
                switch (ch) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    default -> {
                        if (ch < 0x20 || ch == 0x7f || Character.isSurrogate(ch) && !validSurrogate(s, k)) {
                            sb.append(String.format("\\u%04x", (int) ch));
                        } else {
                            sb.append(ch);
                        }
                    }
                }
            }
            sb.append('"');
        }
        return sb.append(']').toString();
    }

    private static boolean validSurrogate(String s, int k) {
        char ch = s.charAt(k);
        if (Character.isHighSurrogate(ch)) {
            return k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1));
        }
        return k > 0 && Character.isHighSurrogate(s.charAt(k - 1));
    }

    /** Parses what {@link #toJson} writes (any JSON array of strings, with whitespace). */
    static List<String> fromJson(String json) {
        List<String> out = new ArrayList<>();
        int i = skip(json, 0);
        expect(json, i++, '[');
        i = skip(json, i);
        if (i < json.length() && json.charAt(i) == ']') {
            expectEnd(json, i + 1);
            return List.copyOf(out);
        }
        while (true) {
            i = skip(json, i);
            expect(json, i++, '"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (i >= json.length()) {
                    throw corrupt();
                }
                char ch = json.charAt(i++);
                if (ch == '"') {
                    break;
                }
                if (ch != '\\') {
                    sb.append(ch);
                    continue;
                }
                if (i >= json.length()) {
                    throw corrupt();
                }
                char esc = json.charAt(i++);
                switch (esc) {
                    case '"', '\\', '/' -> sb.append(esc);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (i + 4 > json.length()) {
                            throw corrupt();
                        }
                        try {
                            sb.append((char) Integer.parseInt(json.substring(i, i + 4), 16));
                        } catch (NumberFormatException e) {
                            throw corrupt();
                        }
                        i += 4;
                    }
                    default -> throw corrupt();
                }
            }
            out.add(sb.toString());
            i = skip(json, i);
            if (i < json.length() && json.charAt(i) == ',') {
                i++;
                continue;
            }
            expect(json, i, ']');
            expectEnd(json, i + 1);
            return List.copyOf(out);
        }
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void expect(String s, int i, char ch) {
        if (i >= s.length() || s.charAt(i) != ch) {
            throw corrupt();
        }
    }

    private static void expectEnd(String s, int i) {
        if (skip(s, i) != s.length()) {
            throw corrupt();
        }
    }

    private static PubkyException corrupt() {
        return new PubkyException(ErrorCode.STORAGE_FAILURE, "stored allowed_write_paths is not a JSON string array");
    }
}
