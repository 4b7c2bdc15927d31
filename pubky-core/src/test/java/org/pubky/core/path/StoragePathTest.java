package org.pubky.core.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pubky.core.testing.Failures.assertFails;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pubky.spi.ErrorCode;

final class StoragePathTest {

    /** HS-CODEC-008. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/|/", "//|/", "/a//b|/a/b", "/a///b/|/a/b/", "/.|/", "/a/.|/a/", "/a/b/..|/a/",
            "/a/b/../c|/a/c", "/a/..|/", "/a/../|/", "/a/b/../..|/", "/a/..//b|/b", "/a/name..|/a/name..",
            "/.hidden/...|/.hidden/...", "/a/%2E%2E/b|/a/%2E%2E/b", "///|/",
    })
    void normalizerHandlesWebdavAliases(String input, String expected) {
        StoragePath normalized = StoragePath.normalize(input);
        assertThat(normalized.value()).isEqualTo(expected);
        assertThat(StoragePath.parse(normalized.value())).isEqualTo(normalized);
        assertThat(StoragePath.normalize(normalized.value())).isEqualTo(normalized);
    }

    /** HS-CODEC-009. */
    @Test
    void normalizerReportsRelativeInputAndTraversalAboveRoot() {
        for (String path : new String[] {"", "relative"}) {
            assertFails(() -> StoragePath.normalize(path), ErrorCode.INVALID_PATH, "path must be absolute");
        }
        for (String path : new String[] {"/..", "/./..", "/a/../..", "/a/../../b"}) {
            assertFails(() -> StoragePath.normalize(path), ErrorCode.INVALID_PATH, "path traverses above root");
        }
    }

    /** HS-CODEC-010. */
    @ParameterizedTest
    @ValueSource(strings = {"/a\nb", "/a\0b", "/a\u0085b", "/a\u007fb", "/a\u009fb"})
    void rejectsAsciiAndUnicodeControls(String path) {
        assertFails(() -> StoragePath.parse(path), ErrorCode.INVALID_PATH, "path contains a control character");
        assertFails(() -> StoragePath.normalize(path), ErrorCode.INVALID_PATH, "path contains a control character");
    }

    @Test
    void controlCharacterInASegmentLaterDroppedIsStillRejected() {
        assertFails(() -> StoragePath.normalize("/a\nb/.."), ErrorCode.INVALID_PATH,
                "path contains a control character");
    }

    @Test
    void formatCharactersAreNotControls() {
        // U+200B (Cf) and U+00AD (Cf) are not Cc, so Rust's is_control is false for them.
        assertThat(StoragePath.parse("/a\u200bb\u00ad").value()).isEqualTo("/a\u200bb\u00ad");
    }

    /** HS-CODEC-011. */
    @ParameterizedTest
    @ValueSource(strings = {"/a\\b", "/pub/app/\\..\\secret", "/a\\b/.."})
    void rejectsBackslashes(String path) {
        assertFails(() -> StoragePath.parse(path), ErrorCode.INVALID_PATH, "path must not contain a backslash");
        assertFails(() -> StoragePath.normalize(path), ErrorCode.INVALID_PATH, "path must not contain a backslash");
    }

    /** HS-CODEC-012. */
    @ParameterizedTest
    @ValueSource(strings = {"/a ", "/a\u00a0", "/a\u3000", "/a\u2028", "/a\u1680", "/a\u202f", "/a\u205f"})
    void rejectsTrailingUnicodeWhitespace(String path) {
        assertFails(() -> StoragePath.parse(path), ErrorCode.INVALID_PATH, "path must not end in whitespace");
        assertFails(() -> StoragePath.normalize(path), ErrorCode.INVALID_PATH, "path must not end in whitespace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/My File", "/ leading", "/directory /file", "/a\u200b", "/a\u180e"})
    void acceptsInnerAndLeadingSpacesAndNonWhitespaceEndings(String path) {
        // U+200B and U+180E are not White_Space in Unicode, so Rust's is_whitespace is false.
        assertThat(StoragePath.parse(path).value()).isEqualTo(path);
        assertThat(StoragePath.normalize(path).value()).isEqualTo(path);
    }

    @Test
    void javaWhitespaceThatIsAControlIsReportedAsAControl() {
        // Java's isWhitespace includes U+001C; Rust does not, and it is a Cc control character.
        assertFails(() -> StoragePath.parse("/a\u001c"), ErrorCode.INVALID_PATH, "path contains a control character");
    }

    @Test
    void aDirectoryNameMayEndInASpaceBecauseThePathEndsInASlash() {
        assertThat(StoragePath.normalize("/a /").value()).isEqualTo("/a /");
        assertThat(StoragePath.normalize("/a /..").value()).isEqualTo("/");
    }

    /** HS-CODEC-013. */
    @Test
    void enforcesTheDecodedSegmentByteLimit() {
        String max = "/" + "a".repeat(255);
        assertThat(StoragePath.parse(max).value()).isEqualTo(max);
        assertThat(StoragePath.normalize(max).value()).isEqualTo(max);
        String over = max + "a";
        String message = "path segment is 256 bytes; maximum is 255";
        assertFails(() -> StoragePath.parse(over), ErrorCode.INVALID_PATH, message);
        assertFails(() -> StoragePath.normalize(over), ErrorCode.INVALID_PATH, message);
        assertFails(() -> StoragePath.normalize(over + "/.."), ErrorCode.INVALID_PATH, message);

        String multibyteLimit = "/" + "é".repeat(127) + "a";
        assertThat(StoragePath.parse(multibyteLimit).value()).isEqualTo(multibyteLimit);
        assertThat(StoragePath.normalize(multibyteLimit).value()).isEqualTo(multibyteLimit);
        String multibyteOver = "/" + "é".repeat(128);
        assertFails(() -> StoragePath.parse(multibyteOver), ErrorCode.INVALID_PATH, message);
        assertFails(() -> StoragePath.normalize(multibyteOver), ErrorCode.INVALID_PATH, message);
        // A supplementary character is 4 UTF-8 bytes (2 UTF-16 units): 63 of them + 3 ASCII = 255.
        String emoji = "/" + "\uD83D\uDE00".repeat(63) + "abc";
        assertThat(StoragePath.parse(emoji).value()).isEqualTo(emoji);
        assertFails(() -> StoragePath.parse(emoji + "d"), ErrorCode.INVALID_PATH, message);
    }

    /** HS-CODEC-014. */
    @Test
    void enforcesTheTotalByteLimitBeforeOtherErrors() {
        String max = "/a".repeat(486);
        assertThat(max).hasSize(972);
        assertThat(StoragePath.parse(max).value()).isEqualTo(max);
        assertThat(StoragePath.normalize(max).value()).isEqualTo(max);
        assertFails(() -> StoragePath.parse(max + "b"), ErrorCode.INVALID_PATH, "path is 973 bytes; maximum is 972");
        assertFails(() -> StoragePath.normalize(max + "b"), ErrorCode.INVALID_PATH, "path is 973 bytes; maximum is 972");
        // <52-char key><path> must fit a 1024-byte object key.
        assertThat(52 + StoragePath.MAX_PATH_BYTES).isEqualTo(1024);

        String oversizedWithEmptySegment = "//" + "a".repeat(972);
        assertFails(() -> StoragePath.parse(oversizedWithEmptySegment), ErrorCode.INVALID_PATH,
                "path is 974 bytes; maximum is 972");
        assertFails(() -> StoragePath.parse("/" + "a".repeat(255) + "\n"), ErrorCode.INVALID_PATH,
                "path segment is 256 bytes; maximum is 255");
    }

    @Test
    void normalizationMayShortenAnOverlongInput() {
        String longInput = "/a".repeat(600) + "/..".repeat(599);
        assertThat(StoragePath.normalize(longInput).value()).isEqualTo("/a/");
    }

    /** HS-CODEC-015. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/pub/file.txt", "/priv/app/", "/pub/My File/über", "/pub/My%20File/%C3%BCber",
            "/pub/a:b,c", "/a..", "/.hidden", "/...", "/%2E/%2E%2E/%2F"})
    void strictParserAcceptsCanonicalDecodedPaths(String path) {
        assertThat(StoragePath.parse(path).value()).isEqualTo(path);
        assertThat(new StoragePath(path).toString()).isEqualTo(path);
    }

    /** HS-CODEC-015. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|path must be absolute", "relative|path must be absolute",
            "//|path contains an empty segment", "/a//b|path contains an empty segment",
            "/a//|path contains an empty segment", "///|path contains an empty segment",
            "/.|path contains a `.` segment", "/a/./|path contains a `.` segment",
            "/..|path contains a `..` segment", "/a/../b|path contains a `..` segment",
    })
    void strictParserReportsTheExactNoncanonicalError(String path, String message) {
        assertFails(() -> StoragePath.parse(path), ErrorCode.INVALID_PATH, message);
    }

    /** HS-CODEC-015. */
    @Test
    void classifiesRootFileAndDirectoryPaths() {
        assertThat(StoragePath.parse("/").isRoot()).isTrue();
        assertThat(StoragePath.parse("/").isDirectory()).isTrue();
        assertThat(StoragePath.parse("/").isFile()).isFalse();
        assertThat(StoragePath.parse("/a").isRoot()).isFalse();
        assertThat(StoragePath.parse("/a").isDirectory()).isFalse();
        assertThat(StoragePath.parse("/a").isFile()).isTrue();
        assertThat(StoragePath.parse("/a/").isDirectory()).isTrue();
        assertThat(StoragePath.parse("/a/").isFile()).isFalse();
        assertThat(StoragePath.ROOT).isEqualTo(StoragePath.parse("/"));
    }

    @Test
    void unpairedSurrogatesAreRefusedBecauseTheyHaveNoUtf8Form() {
        assertFails(() -> StoragePath.parse("/a\uD800b"), ErrorCode.INVALID_PATH,
                "path is not valid Unicode (unpaired surrogate)");
        assertFails(() -> StoragePath.normalize("/a\uDC00/.."), ErrorCode.INVALID_PATH,
                "path is not valid Unicode (unpaired surrogate)");
    }

    @Test
    void namespaces() {
        assertThat(StoragePath.parse("/pub/").isPublic()).isTrue();
        assertThat(StoragePath.parse("/pub/a/b").isPublic()).isTrue();
        assertThat(StoragePath.parse("/pub").isPublic()).isFalse();
        assertThat(StoragePath.parse("/public/x").isPublic()).isFalse();
        assertThat(StoragePath.parse("/priv/x").isPrivate()).isTrue();
        assertThat(StoragePath.parse("/priv").isPrivate()).isFalse();
        assertThat(StoragePath.parse("/priv/x").isInStorageRoot()).isTrue();
        assertThat(StoragePath.parse("/dav/x").isInStorageRoot()).isFalse();
        assertThat(StoragePath.ROOT.isInStorageRoot()).isFalse();
    }

    @Test
    void parentNameAndChildren() {
        assertThat(StoragePath.ROOT.parent()).isEmpty();
        assertThat(StoragePath.ROOT.name()).isEmpty();
        assertThat(StoragePath.parse("/a").parent()).contains(StoragePath.ROOT);
        assertThat(StoragePath.parse("/a/b/c.txt").parent()).contains(StoragePath.parse("/a/b/"));
        assertThat(StoragePath.parse("/a/b/").parent()).contains(StoragePath.parse("/a/"));
        assertThat(StoragePath.parse("/a/b/c.txt").name()).isEqualTo("c.txt");
        assertThat(StoragePath.parse("/a/b/").name()).isEqualTo("b");

        StoragePath dir = StoragePath.parse("/pub/app/");
        assertThat(dir.resolveFile("x.json")).isEqualTo(StoragePath.parse("/pub/app/x.json"));
        assertThat(dir.resolveDirectory("sub")).isEqualTo(StoragePath.parse("/pub/app/sub/"));
        assertFails(() -> StoragePath.parse("/pub/app").resolveFile("x"), ErrorCode.INVALID_PATH,
                "cannot resolve a child of a file path");
        for (String bad : new String[] {"", ".", "..", "a/b"}) {
            assertFails(() -> dir.resolveFile(bad), ErrorCode.INVALID_PATH,
                    "a child name must be one non-empty segment other than `.` and `..`");
        }
        assertFails(() -> dir.resolveFile("a\\b"), ErrorCode.INVALID_PATH, "path must not contain a backslash");
    }

    @Test
    void containmentAndShallowListingEntries() {
        StoragePath dir = StoragePath.parse("/pub/a/");
        assertThat(dir.contains(dir)).isTrue();
        assertThat(dir.contains(StoragePath.parse("/pub/a/b/c"))).isTrue();
        assertThat(dir.contains(StoragePath.parse("/pub/a"))).isFalse();
        assertThat(dir.contains(StoragePath.parse("/pub/ab/c"))).isFalse();
        assertThat(StoragePath.parse("/pub/a").contains(StoragePath.parse("/pub/a"))).isFalse();

        assertThat(StoragePath.parse("/pub/a/b/c.txt").entryIn(dir)).contains(StoragePath.parse("/pub/a/b/"));
        assertThat(StoragePath.parse("/pub/a/x").entryIn(dir)).contains(StoragePath.parse("/pub/a/x"));
        assertThat(StoragePath.parse("/pub/a/sub/").entryIn(dir)).contains(StoragePath.parse("/pub/a/sub/"));
        assertThat(dir.entryIn(dir)).isEmpty();
        assertThat(StoragePath.parse("/pub/b/x").entryIn(dir)).isEmpty();
        assertThat(StoragePath.parse("/x").entryIn(StoragePath.ROOT)).contains(StoragePath.parse("/x"));
    }

    @Test
    void urlEncodingKeepsPercentSignsLiteral() {
        assertThat(StoragePath.parse("/pub/My%20 File/über").urlEncode()).isEqualTo("/pub/My%2520%20File/%C3%BCber");
        assertThat(StoragePath.parse("/AZaz09-._~/:,?#@/%").urlEncode()).isEqualTo("/AZaz09-._~/%3A%2C%3F%23%40/%25");
        assertThat(StoragePath.ROOT.urlEncode()).isEqualTo("/");
        assertThat(StoragePath.parse("/a/").urlEncode()).isEqualTo("/a/");
    }

    @Test
    void orderIsByCodePointLikeUtf8Bytes() {
        // U+FF5E is one UTF-16 unit and sorts before U+1F600 in UTF-8 byte order, unlike String.compareTo.
        StoragePath bmp = StoragePath.parse("/\uFF5E");
        StoragePath astral = StoragePath.parse("/\uD83D\uDE00");
        assertThat("/\uFF5E".compareTo("/\uD83D\uDE00")).isPositive();
        assertThat(bmp.compareTo(astral)).isNegative();
        List<StoragePath> sorted = new ArrayList<>(List.of(StoragePath.parse("/b"), StoragePath.parse("/a/"),
                StoragePath.parse("/a"), astral, bmp));
        sorted.sort(null);
        assertThat(sorted).extracting(StoragePath::value)
                .containsExactly("/a", "/a/", "/b", "/\uFF5E", "/\uD83D\uDE00");
    }
}
