package org.pubky.core.homeserver.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pubky.core.hash.ContentHash;
import org.pubky.spi.storage.Event;
import org.pubky.spi.storage.EventType;

final class EventTextTest {
    private static final String U = "8pinxxgqs41n4aididenw5apqp1urfmzdztr8jt4abrkdn435ewo";
    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void feedPageLinesThenTheCursorWithoutATrailingNewline() {
        Event put = new Event(41, EventType.PUT, U, "/pub/a.txt", Optional.of(new byte[32]), T);
        Event del = new Event(42, EventType.DEL, U, "/pub/a.txt", Optional.empty(), T);
        assertThat(EventText.feedPage(List.of(put, del))).isEqualTo(
                "PUT pubky://" + U + "/pub/a.txt\nDEL pubky://" + U + "/pub/a.txt\ncursor: 42");
        assertThat(EventText.feedPage(List.of())).isEmpty();
    }

    @Test
    void streamMessageCarriesThePaddedStandardBase64HashOnlyForPut() {
        byte[] hash = ContentHash.of("hello".getBytes()).bytes();
        Event put = new Event(7, EventType.PUT, U, "/pub/hash_test.txt", Optional.of(hash), T);
        assertThat(EventText.name(put)).isEqualTo("PUT");
        String b64 = ContentHash.of("hello".getBytes()).base64();
        assertThat(b64).hasSize(44).endsWith("=");
        assertThat(EventText.data(put)).isEqualTo("pubky://" + U + "/pub/hash_test.txt\ncursor: 7\ncontent_hash: " + b64);
        assertThat(EventText.message(put)).isEqualTo("event: PUT\ndata: pubky://" + U + "/pub/hash_test.txt\n"
                + "data: cursor: 7\ndata: content_hash: " + b64 + "\n\n");
        assertThat("\"" + b64 + "\"").isEqualTo(ContentHash.of("hello".getBytes()).etag());
        Event del = new Event(8, EventType.DEL, U, "/pub/hash_test.txt", Optional.empty(), T);
        assertThat(EventText.message(del)).isEqualTo("event: DEL\ndata: pubky://" + U + "/pub/hash_test.txt\ndata: cursor: 8\n\n");
    }
}
