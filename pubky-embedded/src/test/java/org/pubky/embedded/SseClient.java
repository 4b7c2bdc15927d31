package org.pubky.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client for integration tests: keeps the raw body bytes (to check the wire
 * format exactly), parses messages as they arrive and records when the server ends the response.
 */
final class SseClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One message: its {@code event:} name and {@code data:} lines. */
    record Message(String event, List<String> data) {
        String uri() {
            return data.get(0);
        }

        long cursor() {
            return Long.parseLong(data.get(1).substring("cursor: ".length()));
        }

        Optional<String> contentHash() {
            return data.size() > 2 ? Optional.of(data.get(2).substring("content_hash: ".length())) : Optional.empty();
        }

        /** {@code PUT pubky://…} */
        String line() {
            return event + " " + uri();
        }

        String path() {
            String uri = uri();
            return uri.substring("pubky://".length() + 52);
        }
    }

    private final int status;
    private final HttpHeaders headers;
    private final InputStream body;
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final List<Message> received = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile int comments;
    private final Thread reader;

    private SseClient(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.headers = response.headers();
        this.body = response.body();
        this.reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static SseClient open(URI base, String pathAndQuery, String... headerPairs) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET();
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("GET " + pathAndQuery + " failed", e);
        }
    }

    int status() {
        return status;
    }

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    List<String> headers(String name) {
        return headers.allValues(name);
    }

    /** The body as text once the server ended it (errors: the message). */
    String text() {
        assertEnds(Duration.ofSeconds(10));
        synchronized (raw) {
            return raw.toString(StandardCharsets.UTF_8);
        }
    }

    /** The raw body bytes received so far. */
    String raw() {
        synchronized (raw) {
            return raw.toString(StandardCharsets.UTF_8);
        }
    }

    /** The next message, failing after {@code timeout}. */
    Message next(Duration timeout) {
        try {
            Message m = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (m == null) {
                throw new AssertionError("no event within " + timeout + "; received so far: " + raw());
            }
            return m;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The next {@code n} messages. */
    List<Message> next(int n, Duration timeout) {
        List<Message> out = new ArrayList<>(n);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < n; i++) {
            out.add(next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))));
        }
        return out;
    }

    /** No message arrives within {@code quiet}. */
    void assertNothingFor(Duration quiet) {
        try {
            Message m = messages.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            if (m != null) {
                throw new AssertionError("unexpected event " + m);
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Every message until the server ends the response. */
    List<Message> all(Duration timeout) {
        assertEnds(timeout);
        List<Message> out = new ArrayList<>();
        messages.drainTo(out);
        return out;
    }

    boolean awaitEnd(Duration timeout) {
        try {
            return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    void assertEnds(Duration timeout) {
        if (!awaitEnd(timeout)) {
            throw new AssertionError("the stream did not end within " + timeout + "; received: " + raw());
        }
    }

    boolean ended() {
        return ended.getCount() == 0;
    }

    int comments() {
        return comments;
    }

    private void read() {
        byte[] buffer = new byte[8192];
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        try (InputStream in = body) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (raw) {
                    raw.write(buffer, 0, n);
                }
                if (status != 200) {
                    continue;
                }
                pending.write(buffer, 0, n);
                byte[] bytes = pending.toByteArray();
                int start = 0;
                for (int i = 0; i + 1 < bytes.length; i++) {
                    if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
                        parse(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                        start = i + 2;
                        i++;
                    }
                }
                pending.reset();
                pending.write(bytes, start, bytes.length - start);
            }
        } catch (IOException e) {
            // the connection was closed by us or by the server: the stream ended
        } finally {
            ended.countDown();
        }
    }

    private void parse(String block) {
        String event = null;
        List<String> data = new ArrayList<>();
        for (String line : Arrays.asList(block.split("\n", -1))) {
            if (line.startsWith(":")) {
                comments++;
            } else if (line.startsWith("event: ")) {
                event = line.substring("event: ".length());
            } else if (line.startsWith("data: ")) {
                data.add(line.substring("data: ".length()));
            } else {
                throw new AssertionError("unexpected SSE line: " + line);
            }
        }
        if (event != null) {
            Message m = new Message(event, List.copyOf(data));
            synchronized (received) {
                received.add(m);
            }
            messages.add(m);
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // closing a stream we abandon
        }
    }
}
