package org.pubky.jaxrs.common;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pubky.core.homeserver.events.EventSink;

/**
 * An event stream's messages as JAX-RS Server-Sent Events: {@code event: <name>} and one
 * {@code data: } line per data line, no {@code id:}; keep-alives are empty comments. Each send
 * waits for the runtime to accept the message (Jersey writes and flushes it synchronously), so
 * the stream's worker never runs ahead of a slow client; a send that takes longer than
 * {@value #SEND_TIMEOUT_SECONDS} s counts as a lost client.
 */
public final class SseEventSinkAdapter implements EventSink {
    static final long SEND_TIMEOUT_SECONDS = 30;

    private final SseEventSink sink;
    private final Sse sse;

    public SseEventSinkAdapter(SseEventSink sink, Sse sse) {
        this.sink = requireNonNull(sink, "sink is null");
        this.sse = requireNonNull(sse, "sse is null");
    }

    @Override
    public void send(String name, String data) throws IOException {
        await(sink.isClosed() ? null : sink.send(sse.newEventBuilder().name(name).data(String.class, data).build()));
    }

    @Override
    public void keepAlive() throws IOException {
        await(sink.isClosed() ? null : sink.send(sse.newEventBuilder().comment("").build()));
    }

    @Override
    public void close() {
        sink.close();
    }

    private static void await(CompletionStage<?> sent) throws IOException {
        if (sent == null) {
            throw new IOException("the client closed the event stream");
        }
        try {
            sent.toCompletableFuture().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("sending an event failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("sending an event timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending an event", e);
        }
    }
}
