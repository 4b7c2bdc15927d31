package org.pubky.core.relay;

import java.util.Optional;

/**
 * A message parked on an HTTP relay channel, with the producer's content type.
 *
 * @param body the bytes, at most the relay's body limit
 * @param contentType the producer's {@code Content-Type}, forwarded to the consumer
 */
public record RelayMessage(byte[] body, Optional<String> contentType) {
    public RelayMessage {
        body = body.clone();
        contentType = contentType == null ? Optional.empty() : contentType;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
