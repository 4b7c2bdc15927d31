package org.pubky.core.homeserver.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class GlobPatternTest {
    @Test
    void doubleStarMatchesAnyDepthIncludingTheDirectoryItself() {
        GlobPattern pub = GlobPattern.compile("/pub/**");
        assertThat(pub.matches("/pub/")).isTrue();
        assertThat(pub.matches("/pub/test.txt")).isTrue();
        assertThat(pub.matches("/pub/test/test.txt")).isTrue();
        assertThat(pub.matches("/priv/test.pdf")).isFalse();
        assertThat(pub.matches("/session/test.txt")).isFalse();
    }

    @Test
    void literalsMatchThemselves() {
        assertThat(GlobPattern.compile("/events/").matches("/events/")).isTrue();
        assertThat(GlobPattern.compile("/events/").matches("/events")).isFalse();
        assertThat(GlobPattern.compile("/a.b").matches("/axb")).isFalse();
    }

    @Test
    void doubleStarInTheMiddleSpansSegments() {
        GlobPattern update = GlobPattern.compile("/pub/**/update");
        assertThat(update.matches("/pub/test.txt/update")).isTrue();
        assertThat(update.matches("/pub/a/b/c/update")).isTrue();
        assertThat(update.matches("/pub/test/test.txt")).isFalse();
        GlobPattern oneAfter = GlobPattern.compile("/pub/**/update/*");
        assertThat(oneAfter.matches("/pub/x/update/one")).isTrue();
        assertThat(oneAfter.matches("/pub/x/update/one/two")).isFalse();
    }

    @Test
    void singleStarStaysInOneSegment() {
        GlobPattern tokens = GlobPattern.compile("/signup_tokens/*");
        assertThat(tokens.matches("/signup_tokens/AAAA-BBBB-CCCC")).isTrue();
        assertThat(tokens.matches("/signup_tokens/a/b")).isFalse();
    }
}
