package org.pubky.core.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pubky.core.testing.Failures.assertFails;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pubky.spi.ErrorCode;

final class CapabilitiesTest {
    private static final ErrorCode CODE = ErrorCode.INVALID_CAPABILITIES;

    private static StoragePath path(String value) {
        return StoragePath.parse(value);
    }

    /** HS-CODEC-001. */
    @Test
    void parseErrorsAreInformative() {
        assertFails(() -> Capability.parse("not/abs:rw"), CODE, "invalid capability scope: path must be absolute");
        assertFails(() -> Capability.parse("/pub/my.app"), CODE, "capability must have format `<scope>:<actions>`");
        assertFails(() -> Capability.parse("/pub/my.app:"), CODE, "capability must contain at least one action");
        assertFails(() -> Capability.parse("/pub/my.app:rx"), CODE, "invalid capability action `x`");
        assertFails(() -> Capability.parse("/pub/a:b:rw"), CODE, "capability must have format `<scope>:<actions>`");
        assertFails(() -> Capability.parse("/pub/a:r:"), CODE, "capability must have format `<scope>:<actions>`");
        assertFails(() -> Capability.parse("/pub/a:R"), CODE, "invalid capability action `R`");
        assertFails(() -> Capability.parse("/pub/a:r w"), CODE, "invalid capability action ` `");
        assertFails(() -> Capability.parse("/pub/a:r\uD83D\uDE00"), CODE, "invalid capability action `\uD83D\uDE00`");
        // Actions are checked before the scope, as in the reference.
        assertFails(() -> Capability.parse("bad:x"), CODE, "invalid capability action `x`");
    }

    /** HS-CODEC-002. */
    @Test
    void listParsingIsAllOrNothingAndNamesTheFirstBadEntry() {
        assertFails(() -> Capabilities.parse("/pub/app/:w,missing-leading-slash:r,/priv/file.txt:x"), CODE,
                "invalid capability at position 2 (`missing-leading-slash:r`): invalid capability scope: "
                        + "path must be absolute");
        assertFails(() -> Capabilities.parse("/:r,invalid:w"), CODE,
                "invalid capability at position 2 (`invalid:w`): invalid capability scope: path must be absolute");
    }

    /** HS-CODEC-003. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"',/:r'|1", "'/:r,'|2", "'/:r,,/:w'|2", "','|1"})
    void emptyEntriesAreRejected(String list, int position) {
        assertFails(() -> Capabilities.parse(list), CODE, "invalid capability at position " + position
                + " (``): capability must have format `<scope>:<actions>`");
    }

    /** HS-CODEC-003. */
    @Test
    void theEmptyStringIsTheEmptyList() {
        Capabilities none = Capabilities.parse("");
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.size()).isZero();
        assertThat(none).isEqualTo(Capabilities.none());
        assertThat(none.toString()).isEmpty();
        Capabilities one = Capabilities.parse("/:r");
        assertThat(one.isEmpty()).isFalse();
        assertThat(one.size()).isEqualTo(1);
    }

    /** HS-CODEC-004. */
    @Test
    void actionsSerializeDeduplicatedReadBeforeWrite() {
        Capability cap = Capability.parse("/:wrrw");
        assertThat(cap.read()).isTrue();
        assertThat(cap.write()).isTrue();
        assertThat(cap).hasToString("/:rw").isEqualTo(Capability.root());
        assertThat(Capability.parse("/a:ww")).hasToString("/a:w");
    }

    /** HS-CODEC-004. */
    @Test
    void rootAndSingleConstructors() {
        assertThat(Capability.root()).hasToString("/:rw");
        assertThat(Capability.root().scope()).isEqualTo(StoragePath.ROOT);
        assertThat(Capability.parse("/:rw").isRoot()).isTrue();
        assertThat(Capability.parse("/:r").isRoot()).isFalse();
        assertThat(Capability.of("/pub/my-cool-app/", true, true)).hasToString("/pub/my-cool-app/:rw");
        assertThat(Capability.of("/pub/file.txt", true, false)).hasToString("/pub/file.txt:r");
        assertThat(Capability.of("/pub/uploads/", false, true)).hasToString("/pub/uploads/:w");
        assertFails(() -> Capability.of("/pub/", false, false), CODE, "capability must contain at least one action");
    }

    /** HS-CODEC-004. */
    @Test
    void listFormIsCommaJoinedInInsertionOrder() {
        String text = "/pub/my-cool-app/:r,/pub/uploads/:w,/pub/my-cool-app/data/:rw";
        Capabilities caps = Capabilities.parse(text);
        assertThat(caps).hasToString(text);
        assertThat(caps.entries()).containsExactly(Capability.parse("/pub/my-cool-app/:r"),
                Capability.parse("/pub/uploads/:w"), Capability.parse("/pub/my-cool-app/data/:rw"));
        assertThat(caps.normalize()).hasToString(text);
    }

    /** HS-CODEC-004. */
    @Test
    void normalizationMergesEqualScopesAndDropsCoveredOnes() {
        Capabilities caps = Capabilities.of(Capability.parse("/pub/example.com/:r"),
                Capability.parse("/pub/example.com/:w"), Capability.parse("/pub/example.com/subfolder:w"),
                Capability.parse("/priv/other:r"));
        assertThat(caps.normalize()).hasToString("/pub/example.com/:rw,/priv/other:r");
        assertThat(Capabilities.parse("/pub/example.com/:r,/pub/example.com/:w").normalize())
                .hasToString("/pub/example.com/:rw");
        assertThat(Capabilities.parse("/pub/:r,/pub/:w,/pub/file.txt:r").normalize()).hasToString("/pub/:rw");
        assertThat(Capabilities.parse("/:rw,/pub/my-cool-app/:r").normalize()).hasToString("/:rw");
        // A later broader entry removes earlier covered ones and is appended.
        assertThat(Capabilities.parse("/pub/a/x:r,/priv/b:w,/pub/a/:r").normalize()).hasToString("/priv/b:w,/pub/a/:r");
        // A write-only directory does not cover a read of something inside it.
        assertThat(Capabilities.parse("/pub/a/:w,/pub/a/x:r").normalize()).hasToString("/pub/a/:w,/pub/a/x:r");
    }

    /** HS-CODEC-005. */
    @Test
    void scopeMustBeACanonicalPathWithoutWireDelimiters() {
        assertFails(() -> Capability.of("/pub//my.app", true, false), CODE,
                "invalid capability scope: path contains an empty segment");
        assertFails(() -> Capability.of("/priv/report ", true, false), CODE,
                "invalid capability scope: path must not end in whitespace");
        assertFails(() -> Capability.of("/priv/app\\..\\secret", true, false), CODE,
                "invalid capability scope: path must not contain a backslash");
        assertFails(() -> Capability.of("/pub/a:b", true, false), CODE, "capability scope contains reserved delimiter `:`");
        assertFails(() -> Capability.of("/pub/a,b", true, false), CODE, "capability scope contains reserved delimiter `,`");
        assertFails(() -> new Capability(StoragePath.parse("/pub/a:b"), true, false), CODE,
                "capability scope contains reserved delimiter `:`");
        assertFails(() -> Capability.parse("/pub/./x:r"), CODE, "invalid capability scope: path contains a `.` segment");
        assertFails(() -> Capability.parse("/pub/../x:r"), CODE, "invalid capability scope: path contains a `..` segment");
        assertFails(() -> Capability.parse("/pub/a\u0000:r"), CODE, "invalid capability scope: path contains a control character");
    }

    /** HS-CODEC-006: the JSON form of a list is its one comma-joined string. */
    @Test
    void jsonFormIsOneCommaJoinedString() {
        Capabilities caps = Capabilities.parse("/pub/my-cool-app/:rw,/pub/file.txt:r");
        String json = org.pubky.core.encoding.Json.write(caps.toString());
        assertThat(json).isEqualTo("\"/pub/my-cool-app/:rw,/pub/file.txt:r\"");
        assertThat(Capabilities.parse((String) org.pubky.core.encoding.Json.parse(json))).isEqualTo(caps);
        assertFails(() -> Capabilities.parse((String) org.pubky.core.encoding.Json.parse("\"/:r,invalid:w\"")),
                CODE, "invalid capability at position 2 (`invalid:w`): invalid capability scope: path must be absolute");
    }

    /** HS-CODEC-007. */
    @Test
    void directoryScopeCoversItselfAndDescendantsOnly() {
        Capability dir = Capability.parse("/pub/app/:w");
        assertThat(dir.coversPath(path("/pub/app/"))).isTrue();
        assertThat(dir.coversPath(path("/pub/app/foo"))).isTrue();
        assertThat(dir.coversPath(path("/pub/app/sub/bar.txt"))).isTrue();
        assertThat(dir.coversPath(path("/pub/app"))).isFalse();
        assertThat(Capability.parse("/pub/pubky.app/:rw").coversPath(path("/pub/pubky.app"))).isFalse();
        assertThat(dir.coversPath(path("/pub/other/file"))).isFalse();
        assertThat(dir.coversPath(path("/pub/app-evil/file"))).isFalse();
    }

    /** HS-CODEC-007. */
    @Test
    void fileScopeCoversOnlyTheExactPath() {
        Capability file = Capability.parse("/pub/file.txt:w");
        assertThat(file.coversPath(path("/pub/file.txt"))).isTrue();
        Capability app = Capability.parse("/pub/app:w");
        assertThat(app.coversPath(path("/pub/app/inside"))).isFalse();
        assertThat(app.coversPath(path("/pub/app/"))).isFalse();
        assertThat(app.coversPath(path("/pub/app-evil/file"))).isFalse();
        assertThat(app.coversPath(path("/pub/appended"))).isFalse();
    }

    /** HS-CODEC-007. */
    @Test
    void rootScopeCoversEverything() {
        Capability root = Capability.root();
        assertThat(root.coversPath(path("/"))).isTrue();
        assertThat(root.coversPath(path("/pub/anything"))).isTrue();
        assertThat(root.coversPath(path("/dav/some/file.txt"))).isTrue();
    }

    @Test
    void coverageChecksTheAction() {
        Capabilities caps = Capabilities.parse("/pub/app/:r,/priv/app/:w");
        assertThat(caps.covers(path("/pub/app/x"), Action.READ)).isTrue();
        assertThat(caps.covers(path("/pub/app/x"), Action.WRITE)).isFalse();
        assertThat(caps.covers(path("/priv/app/x"), Action.WRITE)).isTrue();
        assertThat(caps.covers(path("/priv/app/x"), Action.READ)).isFalse();
        assertThat(caps.covers(path("/priv/other"), Action.WRITE)).isFalse();
        assertThat(Capabilities.none().covers(path("/"), Action.READ)).isFalse();
        assertThat(Action.READ.letter()).isEqualTo('r');
        assertThat(Action.WRITE.letter()).isEqualTo('w');
    }

    @Test
    void rootIsDetectedOnlyAsAnExactEntry() {
        assertThat(Capabilities.parse("/pub/:rw,/:rw").hasRoot()).isTrue();
        assertThat(Capabilities.parse("/:r,/:w").hasRoot()).isFalse();
        assertThat(Capabilities.parse("/:r,/:w").normalize().hasRoot()).isTrue();
        assertThat(Capabilities.root()).hasToString("/:rw");
    }
}
