package org.pubky.dht.mainline;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.pubky.core.bencode.BencodeString;

/**
 * Our outstanding queries, keyed by transaction id. Ids are {@code tidLength} bytes (4 or 2) from
 * a counter that starts at a random value, so they are unique among outstanding queries; a
 * response is matched only if it echoes an id we issued <em>and</em> comes from the address we
 * sent to. Thread-safe.
 */
final class Transactions {
    private final int tidLength;
    private final ScheduledExecutorService scheduler;
    private final NodeMetrics metrics;
    private final AtomicInteger counter;
    private final ConcurrentHashMap<Integer, Pending> pending = new ConcurrentHashMap<>();

    static final class Pending {
        final InetSocketAddress to;
        final ResponseHandler handler;
        volatile ScheduledFuture<?> timeout;

        Pending(InetSocketAddress to, ResponseHandler handler) {
            this.to = to;
            this.handler = handler;
        }
    }

    Transactions(int tidLength, ScheduledExecutorService scheduler, NodeMetrics metrics, Random random) {
        this.tidLength = tidLength;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.counter = new AtomicInteger(random.nextInt());
    }

    /** Registers a query to {@code to} and returns its transaction id bytes; the timeout starts now. */
    byte[] register(InetSocketAddress to, ResponseHandler handler, long timeoutMillis) {
        Pending p = new Pending(to, handler);
        int key;
        do {
            key = counter.getAndIncrement();
            if (tidLength == 2) {
                key &= 0xffff;
            }
        } while (pending.putIfAbsent(key, p) != null);
        int k = key;
        p.timeout = scheduler.schedule(() -> expire(k, p), timeoutMillis, TimeUnit.MILLISECONDS);
        return tidLength == 2
                ? new byte[] {(byte) (key >>> 8), (byte) key}
                : new byte[] {(byte) (key >>> 24), (byte) (key >>> 16), (byte) (key >>> 8), (byte) key};
    }

    /** Ends a query whose datagram could not be sent: its handler times out (asynchronously). */
    void abandon(byte[] tid) {
        int key = keyOf(tid, 0, tid.length);
        Pending p = pending.remove(key);
        if (p != null) {
            cancel(p);
            scheduler.execute(p.handler::onTimeout);
        }
    }

    /** Removes and returns the query answered by a message with {@code tid} from {@code from}, or {@code null}. */
    Pending take(BencodeString tid, InetSocketAddress from) {
        if (tid.length() != tidLength) {
            return null;
        }
        int key = tidLength == 2
                ? (tid.byteAt(0) & 0xff) << 8 | (tid.byteAt(1) & 0xff)
                : (tid.byteAt(0) & 0xff) << 24 | (tid.byteAt(1) & 0xff) << 16 | (tid.byteAt(2) & 0xff) << 8 | (tid.byteAt(3) & 0xff);
        Pending p = pending.get(key);
        if (p == null || !p.to.equals(from) || !pending.remove(key, p)) {
            return null;
        }
        cancel(p);
        return p;
    }

    /** True if {@code tid} is one we issued and still wait for (used to recognise our own self-ping). */
    boolean isOutstanding(BencodeString tid) {
        if (tid.length() != tidLength) {
            return false;
        }
        byte[] b = tid.bytes();
        return pending.containsKey(keyOf(b, 0, b.length));
    }

    int size() {
        return pending.size();
    }

    /** Fails every outstanding query (on close); handlers are called on the calling thread. */
    List<ResponseHandler> drain() {
        List<ResponseHandler> out = new ArrayList<>();
        for (Integer key : new ArrayList<>(pending.keySet())) {
            Pending p = pending.remove(key);
            if (p != null) {
                cancel(p);
                out.add(p.handler);
            }
        }
        return out;
    }

    private void expire(int key, Pending p) {
        if (pending.remove(key, p)) {
            metrics.timeout();
            p.handler.onTimeout();
        }
    }

    private static void cancel(Pending p) {
        ScheduledFuture<?> f = p.timeout;
        if (f != null) {
            f.cancel(false);
        }
    }

    private static int keyOf(byte[] b, int off, int len) {
        int key = 0;
        for (int i = 0; i < len; i++) {
            key = key << 8 | (b[off + i] & 0xff);
        }
        return key;
    }
}
