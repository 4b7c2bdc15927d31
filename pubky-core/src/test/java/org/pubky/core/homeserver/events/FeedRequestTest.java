package org.pubky.core.homeserver.events;

import static org.pubky.core.testing.Failures.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pubky.spi.ErrorCode;

final class FeedRequestTest {
    @Test
    void defaults() {
        assertThat(FeedRequest.parse(null)).isEqualTo(new FeedRequest("0", 100));
        assertThat(FeedRequest.parse("cursor=&limit=")).isEqualTo(new FeedRequest("0", 100));
    }

    @Test
    void cursorLosesThePubkyPrefixAndTheLastValueWins() {
        assertThat(FeedRequest.parse("cursor=pubky://42").cursor()).isEqualTo("42");
        assertThat(FeedRequest.parse("cursor=pubky%3A%2F%2F0032C29SSF87E").cursor()).isEqualTo("0032C29SSF87E");
        assertThat(FeedRequest.parse("cursor=1&cursor=7").cursor()).isEqualTo("7");
        assertThat(FeedRequest.parse("cursor=abc").cursor()).isEqualTo("abc"); // resolved (and refused) later
    }

    @Test
    void limitIsCappedAndUnparsableValuesAreIgnored() {
        assertThat(FeedRequest.parse("limit=10").limit()).isEqualTo(10);
        assertThat(FeedRequest.parse("limit=%2B10").limit()).isEqualTo(10);
        assertThat(FeedRequest.parse("limit=1000").limit()).isEqualTo(1000);
        assertThat(FeedRequest.parse("limit=5000").limit()).isEqualTo(1000);
        assertThat(FeedRequest.parse("limit=65535").limit()).isEqualTo(1000);
        assertThat(FeedRequest.parse("limit=0").limit()).isZero();
        for (String ignored : new String[] {"65536", "-1", "-0", "abc", "1.5", " 5", "%2B", "+5", "99999999999999999999"}) {
            assertThat(FeedRequest.parse("limit=" + ignored).limit()).as(ignored).isEqualTo(100);
        }
    }

    @Test
    void listingFlagsMustBeBooleans() {
        assertThat(FeedRequest.parse("reverse=TRUE&shallow=no&reverse")).isEqualTo(new FeedRequest("0", 100));
        assertFails(() -> FeedRequest.parse("reverse=maybe"), ErrorCode.MALFORMED_INPUT, "Invalid boolean parameter");
        assertFails(() -> FeedRequest.parse("shallow=2"), ErrorCode.MALFORMED_INPUT, "Invalid boolean parameter");
    }
}
