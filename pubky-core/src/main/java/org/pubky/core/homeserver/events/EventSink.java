package org.pubky.core.homeserver.events;

import java.io.IOException;

/**
 * Where one stream's messages go: an SSE response of the HTTP layer. The event service calls it
 * from its own worker threads, never from two threads at once, and never after {@link #close()}.
 * Each call may block until the bytes are handed to the connection, and must flush them: a client
 * sees every message as soon as it is sent.
 */
public interface EventSink {
    /**
     * Sends one message: {@code event: <name>}, one {@code data: } line per line of {@code data},
     * then a blank line (see {@link EventText#message}).
     *
     * @throws IOException if the client is gone; the stream then ends
     */
    void send(String name, String data) throws IOException;

    /**
     * Sends a comment that keeps idle connections (and proxies) from timing out.
     *
     * @throws IOException if the client is gone; the stream then ends
     */
    void keepAlive() throws IOException;

    /** Ends the response. Called exactly once. */
    void close();
}
