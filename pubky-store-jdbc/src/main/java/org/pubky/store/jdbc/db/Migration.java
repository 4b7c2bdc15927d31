package org.pubky.store.jdbc.db;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * One versioned schema change: a script of statements, each ending with {@code ;} at the end of a
 * line, where {@code ${t}} stands for the qualified table prefix ({@code [schema.]pubky_}) and
 * {@code ${n}} for the unqualified name prefix of indexes and constraints ({@code pubky_}).
 *
 * <p>The checksum is the SHA-256 of the script as written (line endings normalized), so moving
 * the tables to another schema does not change it but editing an applied script does.
 *
 * @param version positive, increasing within a component
 * @param description what the change does, for the history table
 * @param script the statements, with placeholders
 */
public record Migration(int version, String description, String script) {
    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive");
        }
        requireNonNull(description, "description is null");
        script = requireNonNull(script, "script is null").replace("\r\n", "\n");
    }

    /**
     * Loads {@code V<version>__<description>.sql} of {@code component} for {@code dialect} from the
     * class path ({@code org/pubky/store/jdbc/schema/<component>/<dialect>/}).
     */
    public static Migration load(String component, Dialect dialect, int version, String description) {
        String name = "/org/pubky/store/jdbc/schema/" + component + "/" + dialect.folder() + "/V" + version + "__"
                + description + ".sql";
        try (InputStream in = Migration.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new PubkyException(ErrorCode.INTERNAL, "missing migration script " + name);
            }
            return new Migration(version, description, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PubkyException(ErrorCode.INTERNAL, "cannot read migration script " + name, e);
        }
    }

    /** SHA-256 of the script, lowercase hex. */
    public String checksum() {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The statements with the placeholders replaced. */
    public List<String> statements(String tablePrefix, String namePrefix) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1).replace("${t}", tablePrefix).replace("${n}", namePrefix));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new PubkyException(ErrorCode.INTERNAL, "migration V" + version + " does not end with ';'");
        }
        return out;
    }
}
