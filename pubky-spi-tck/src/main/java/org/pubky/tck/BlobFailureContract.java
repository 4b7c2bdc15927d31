package org.pubky.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.StoredBlob;

/**
 * A write whose content stream fails leaves no blob and hands the failure back: a runtime
 * exception (such as the {@link PubkyException} a caller throws to stop an oversized upload) as
 * the same instance, an {@link IOException} as an {@link UncheckedIOException} whose cause is that
 * same instance (the closest Java allows to "rethrown as is" for a checked exception).
 */
@Timeout(60)
public interface BlobFailureContract extends BlobStoreFixture {
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 100, 65_536, 200_001})
    default void failingStreamLeavesNoBlobAndItsIOExceptionComesBack(long failAfter) {
        StoredBlob kept = write(GeneratedContent.bytes(9, 100));
        IOException failure = new IOException("client went away (injected by the kit)");

        assertThatThrownBy(() -> blobs().write(GeneratedContent.failing(1, 1_000_000, failAfter, failure)))
                .isInstanceOf(UncheckedIOException.class)
                .cause().isSameAs(failure);

        assertThat(scanAll()).containsExactly(kept.id());
        assertThat(read(write(GeneratedContent.bytes(2, 10)).id())).isEqualTo(GeneratedContent.bytes(2, 10));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 70_000})
    default void pubkyExceptionFromTheStreamComesBackAsItIs(long failAfter) {
        PubkyException tooLarge = new PubkyException(ErrorCode.PAYLOAD_TOO_LARGE, "upload over the limit (injected)");

        assertThatThrownBy(() -> blobs().write(GeneratedContent.failing(1, 1_000_000, failAfter, tooLarge)))
                .isSameAs(tooLarge);

        assertThat(scanAll()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 4_097})
    default void runtimeExceptionFromTheStreamComesBackAsItIs(long failAfter) {
        IllegalStateException bug = new IllegalStateException("stream bug (injected)");

        assertThatThrownBy(() -> blobs().write(GeneratedContent.failing(1, 10_000, failAfter, bug))).isSameAs(bug);

        assertThat(scanAll()).isEmpty();
    }
}
