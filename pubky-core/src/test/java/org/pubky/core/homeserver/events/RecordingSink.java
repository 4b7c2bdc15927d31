package org.pubky.core.homeserver.events;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An {@link EventSink} that records the wire form of what it is sent; sends can be held back. */
final class RecordingSink implements EventSink {
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    final AtomicInteger keepAlives = new AtomicInteger();
    final AtomicInteger sends = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    private final CountDownLatch gate;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Set if two calls ever overlapped or one came after close: the service promises neither. */
    volatile String violation;

    RecordingSink() {
        this(new CountDownLatch(0));
    }

    /** A sink whose sends block until {@code gate} opens, like a client that stopped reading. */
    RecordingSink(CountDownLatch gate) {
        this.gate = gate;
    }

    @Override
    public void send(String name, String data) throws IOException {
        enter();
        try {
            sends.incrementAndGet();
            gate.await();
            messages.add("event: " + name + "\ndata: " + data.replace("\n", "\ndata: ") + "\n\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void keepAlive() {
        enter();
        keepAlives.incrementAndGet();
        inFlight.decrementAndGet();
    }

    @Override
    public void close() {
        enter();
        closes.incrementAndGet();
        closed.countDown();
        inFlight.decrementAndGet();
    }

    private void enter() {
        if (inFlight.incrementAndGet() > 1) {
            violation = "overlapping calls";
        }
        if (closed.getCount() == 0) {
            violation = "a call after close";
        }
    }

    String next(Duration timeout) throws InterruptedException {
        String m = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) {
            throw new AssertionError("no message within " + timeout);
        }
        return m;
    }

    List<String> next(int n, Duration timeout) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(next(timeout));
        }
        return out;
    }

    List<String> drain() {
        List<String> out = new ArrayList<>();
        messages.drainTo(out);
        return out;
    }

    boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }
}
