package org.pubky.core.path;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.PathOrder;

/**
 * A canonical, decoded storage path: absolute, {@code /}-separated, with no empty, {@code .} or
 * {@code ..} segment except that a trailing {@code /} marks a directory. Percent signs are
 * literal characters: URL decoding happens before a path is built.
 *
 * <p>Rules (those of the reference's {@code StoragePath}): each segment at most
 * {@value #MAX_SEGMENT_BYTES} UTF-8 bytes, holds no control character (general category Cc) and
 * no backslash; the whole path at most {@value #MAX_PATH_BYTES} UTF-8 bytes (room for the
 * 52-character key in a 1024-byte object key) and not ending in Unicode whitespace. Errors are
 * reported in the reference's order, always as {@link ErrorCode#INVALID_PATH}.
 *
 * <p>Two ways in: the constructor / {@link #parse} accept only canonical text (scopes, cursors,
 * stored rows); {@link #normalize} turns a request path into canonical form first
 * ({@code /a//b/../c} becomes {@code /a/c}).
 *
 * <p>Immutable and thread-safe. Ordering is by Unicode code point, which is the byte order of
 * the UTF-8 form the reference sorts by.
 *
 * @param value the canonical path text
 */
public record StoragePath(String value) implements Comparable<StoragePath> {
    /** Maximum UTF-8 length of one segment. */
    public static final int MAX_SEGMENT_BYTES = 255;
    /** Maximum UTF-8 length of a whole path. */
    public static final int MAX_PATH_BYTES = 972;
    /** The root of a user's storage. */
    public static final StoragePath ROOT = new StoragePath("/");
    /** The world-readable namespace. */
    public static final String PUBLIC_ROOT = "/pub/";
    /** The owner-only namespace. */
    public static final String PRIVATE_ROOT = "/priv/";

    /**
     * Validates canonical text.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_PATH} if {@code value} is not canonical
     */
    public StoragePath {
        requireNonNull(value, "value is null");
        validateCanonical(value);
    }

    /** Same as the constructor: strict, non-normalising. */
    public static StoragePath parse(String canonical) {
        return new StoragePath(canonical);
    }

    /**
     * Normalises a decoded absolute request path: empty and {@code .} segments are dropped,
     * {@code ..} removes the previous segment, and the result is a directory when the input ended
     * in {@code /}, {@code /.} or {@code /..}. Segments are validated before a later {@code ..}
     * drops them, as the reference does.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_PATH} if the path is relative, climbs above
     *     the root or breaks a validation rule
     */
    public static StoragePath normalize(String path) {
        requireNonNull(path, "path is null");
        if (path.isEmpty() || path.charAt(0) != '/') {
            throw invalid("path must be absolute");
        }
        int lastSlash = path.lastIndexOf('/');
        String last = path.substring(lastSlash + 1);
        boolean directory = last.isEmpty() || last.equals(".") || last.equals("..");
        List<String> segments = new ArrayList<>();
        int start = 1;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            String segment = path.substring(start, end);
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw invalid("path traverses above root");
                }
                segments.remove(segments.size() - 1);
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                validateSegment(path, start, end);
                segments.add(segment);
            }
            start = end + 1;
        }
        if (segments.isEmpty()) {
            return ROOT;
        }
        StringBuilder canonical = new StringBuilder(path.length() + 1);
        for (String segment : segments) {
            canonical.append('/').append(segment);
        }
        if (directory) {
            canonical.append('/');
        }
        return new StoragePath(canonical.toString());
    }

    /** True for {@code /}. */
    public boolean isRoot() {
        return value.length() == 1;
    }

    /** True if the path ends in {@code /} (the root included). */
    public boolean isDirectory() {
        return value.charAt(value.length() - 1) == '/';
    }

    /** True if the path does not end in {@code /}. */
    public boolean isFile() {
        return !isDirectory();
    }

    /** True under {@value #PUBLIC_ROOT}, the directory itself included. */
    public boolean isPublic() {
        return value.startsWith(PUBLIC_ROOT);
    }

    /** True under {@value #PRIVATE_ROOT}, the directory itself included. */
    public boolean isPrivate() {
        return value.startsWith(PRIVATE_ROOT);
    }

    /** True under one of the two storage roots; only there may anything be written. */
    public boolean isInStorageRoot() {
        return isPublic() || isPrivate();
    }

    /** The last segment without a trailing slash; empty for the root. */
    public String name() {
        int end = isDirectory() ? value.length() - 1 : value.length();
        return value.substring(value.lastIndexOf('/', end - 1) + 1, end);
    }

    /** The directory holding this path; empty for the root. */
    public Optional<StoragePath> parent() {
        if (isRoot()) {
            return Optional.empty();
        }
        int end = isDirectory() ? value.length() - 1 : value.length();
        return Optional.of(new StoragePath(value.substring(0, value.lastIndexOf('/', end - 1) + 1)));
    }

    /**
     * True if this is a directory and {@code other} is this directory or lies anywhere below it.
     * A file path contains nothing, not even itself.
     */
    public boolean contains(StoragePath other) {
        return isDirectory() && other.value.startsWith(value);
    }

    /**
     * The entry of {@code directory} that leads to this path, for shallow listings:
     * {@code /pub/a/b/c.txt} in {@code /pub/a/} is {@code /pub/a/b/}; {@code /pub/a/x} is itself.
     * Empty if this path is not strictly below {@code directory}.
     */
    public Optional<StoragePath> entryIn(StoragePath directory) {
        if (!directory.contains(this) || equals(directory)) {
            return Optional.empty();
        }
        int slash = value.indexOf('/', directory.value.length());
        return Optional.of(slash < 0 ? this : new StoragePath(value.substring(0, slash + 1)));
    }

    /**
     * The file {@code name} inside this directory.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_PATH} if this is a file, or {@code name} is
     *     not a valid single segment or makes the path too long
     */
    public StoragePath resolveFile(String name) {
        return resolve(name, false);
    }

    /** The directory {@code name/} inside this directory; errors as {@link #resolveFile}. */
    public StoragePath resolveDirectory(String name) {
        return resolve(name, true);
    }

    /** The path for an HTTP URL: UTF-8, percent-encoding all but {@code A-Za-z0-9-._~/}. */
    public String urlEncode() {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(utf8.length + 16);
        for (byte b : utf8) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    @Override
    public int compareTo(StoragePath other) {
        return PathOrder.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private StoragePath resolve(String name, boolean asDirectory) {
        requireNonNull(name, "name is null");
        if (!isDirectory()) {
            throw invalid("cannot resolve a child of a file path");
        }
        if (name.isEmpty() || name.indexOf('/') >= 0 || name.equals(".") || name.equals("..")) {
            throw invalid("a child name must be one non-empty segment other than `.` and `..`");
        }
        return new StoragePath(value + name + (asDirectory ? "/" : ""));
    }

    private static void validateCanonical(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            throw invalid("path must be absolute");
        }
        validateTotalLength(path);
        if (path.length() == 1) {
            return;
        }
        int start = 1;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            int length = end - start;
            if (length == 0) {
                if (end != path.length()) {
                    throw invalid("path contains an empty segment");
                }
            } else if (length == 1 && path.charAt(start) == '.') {
                throw invalid("path contains a `.` segment");
            } else if (length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.') {
                throw invalid("path contains a `..` segment");
            } else {
                validateSegment(path, start, end);
            }
            start = end + 1;
        }
        if (PathText.isWhitespace(path.codePointBefore(path.length()))) {
            throw invalid("path must not end in whitespace");
        }
    }

    private static void validateTotalLength(String path) {
        int bytes = PathText.utf8Length(path, 0, path.length());
        if (bytes < 0) {
            throw invalid("path is not valid Unicode (unpaired surrogate)");
        }
        if (bytes > MAX_PATH_BYTES) {
            throw invalid("path is " + bytes + " bytes; maximum is " + MAX_PATH_BYTES);
        }
    }

    private static void validateSegment(String path, int start, int end) {
        int bytes = PathText.utf8Length(path, start, end);
        if (bytes < 0) {
            throw invalid("path is not valid Unicode (unpaired surrogate)");
        }
        if (bytes > MAX_SEGMENT_BYTES) {
            throw invalid("path segment is " + bytes + " bytes; maximum is " + MAX_SEGMENT_BYTES);
        }
        boolean backslash = false;
        for (int i = start; i < end; ) {
            int cp = path.codePointAt(i);
            if (PathText.isControl(cp)) {
                throw invalid("path contains a control character");
            }
            backslash |= cp == '\\';
            i += Character.charCount(cp);
        }
        if (backslash) {
            throw invalid("path must not contain a backslash");
        }
    }

    private static PubkyException invalid(String message) {
        return new PubkyException(ErrorCode.INVALID_PATH, message);
    }
}
