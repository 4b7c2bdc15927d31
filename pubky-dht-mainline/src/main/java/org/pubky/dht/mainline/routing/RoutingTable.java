package org.pubky.dht.mainline.routing;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kademlia routing table of one node: one bucket per XOR distance (bit length of
 * {@code self ^ id}, 1..160), each holding at most {@link #K} nodes.
 *
 * <p>Rules (those of the Rust {@code mainline} node): a node is added when it answered one of our
 * queries; a full bucket takes a newcomer only in place of a stale entry (failed a query, or not
 * seen for {@code staleAfterMillis}); at most one node per address; a node whose id is not a
 * BEP 42 secure id for its IP ("non-secure") is kept only if no other non-secure node has that IP.
 * Time is passed in by the caller (milliseconds of any monotonic clock) so tests control it.
 *
 * <p>Thread-safe: every method is atomic (one monitor). Returned lists are snapshots.
 */
public final class RoutingTable {
    /** Nodes per bucket, and the size of every "closest nodes" answer. */
    public static final int K = 20;

    private final long staleAfterMillis;
    private NodeId self;
    private final List<List<Entry>> buckets = new ArrayList<>(NodeId.LENGTH * 8 + 1);
    private final Map<NodeId, Entry> byId = new HashMap<>();
    private final Map<InetSocketAddress, Entry> byAddress = new HashMap<>();

    /** One node as the table knows it; a mutable snapshot copy is handed out by {@link #entries()}. */
    public record Entry(NodeInfo node, boolean secure, long lastSeenMillis, int failures) {
        Entry seen(long now, NodeInfo at) {
            return new Entry(at, secure, now, 0);
        }

        Entry failed() {
            return new Entry(node, secure, lastSeenMillis, failures + 1);
        }

        boolean isStale(long now, long staleAfter) {
            return failures > 0 || now - lastSeenMillis > staleAfter;
        }
    }

    /**
     * @param self this node's id
     * @param staleAfterMillis how long without an answer makes a node replaceable
     */
    public RoutingTable(NodeId self, long staleAfterMillis) {
        this.self = requireNonNull(self, "self is null");
        this.staleAfterMillis = staleAfterMillis;
        for (int i = 0; i <= NodeId.LENGTH * 8; i++) {
            buckets.add(new ArrayList<>());
        }
    }

    public synchronized NodeId self() {
        return self;
    }

    /**
     * Records that {@code node} answered us at {@code now}: refreshes a known node, inserts a new
     * one if its bucket has room or holds a stale entry.
     *
     * @return true if the node is in the table afterwards
     */
    public synchronized boolean seen(NodeInfo node, long now) {
        requireNonNull(node, "node is null");
        if (node.id().equals(self)) {
            return false;
        }
        Entry known = byId.get(node.id());
        if (known != null) {
            if (!known.node().address().equals(node.address())) {
                // Keep the address that works unless it stopped answering.
                if (known.failures() == 0 || byAddress.containsKey(node.address())) {
                    return true;
                }
                byAddress.remove(known.node().address());
            }
            replace(known, known.seen(now, node));
            return true;
        }
        Entry sameAddress = byAddress.get(node.address());
        if (sameAddress != null) {
            // A node that restarted with a new id: the old id is gone.
            remove(sameAddress.node().id());
        }
        boolean secure = Bep42.isValid(node.id(), (java.net.Inet4Address) node.address().getAddress());
        if (!secure) {
            Entry other = nonSecureAt(node.address().getAddress());
            if (other != null) {
                if (!other.isStale(now, staleAfterMillis)) {
                    return false;
                }
                remove(other.node().id());
            }
        }
        List<Entry> bucket = buckets.get(self.bucketIndex(node.id()));
        if (bucket.size() >= K) {
            Entry victim = null;
            for (Entry e : bucket) {
                if (e.isStale(now, staleAfterMillis) && (victim == null || e.failures() > victim.failures()
                        || (e.failures() == victim.failures() && e.lastSeenMillis() < victim.lastSeenMillis()))) {
                    victim = e;
                }
            }
            if (victim == null) {
                return false;
            }
            remove(victim.node().id());
        }
        Entry e = new Entry(node, secure, now, 0);
        bucket.add(e);
        byId.put(node.id(), e);
        byAddress.put(node.address(), e);
        return true;
    }

    /** True if {@link #seen} would insert {@code id} now without evicting anyone; for learning query senders. */
    public synchronized boolean hasRoomFor(NodeId id) {
        return !id.equals(self) && !byId.containsKey(id) && buckets.get(self.bucketIndex(id)).size() < K;
    }

    /** Records a query to {@code id} that got no answer. */
    public synchronized void failed(NodeId id) {
        Entry e = byId.get(id);
        if (e != null) {
            replace(e, e.failed());
        }
    }

    public synchronized boolean contains(NodeId id) {
        return byId.containsKey(id);
    }

    public synchronized boolean remove(NodeId id) {
        Entry e = byId.remove(id);
        if (e == null) {
            return false;
        }
        byAddress.remove(e.node().address());
        buckets.get(self.bucketIndex(id)).remove(e);
        return true;
    }

    /** Drops every node that failed {@code maxFailures} queries in a row; returns how many. */
    public synchronized int removeFailing(int maxFailures) {
        List<NodeId> dead = new ArrayList<>();
        for (Entry e : byId.values()) {
            if (e.failures() >= maxFailures) {
                dead.add(e.node().id());
            }
        }
        dead.forEach(this::remove);
        return dead.size();
    }

    /** Nodes not seen for longer than {@code olderThanMillis}: the ones to ping. */
    public synchronized List<NodeInfo> questionable(long now, long olderThanMillis) {
        List<NodeInfo> out = new ArrayList<>();
        for (Entry e : byId.values()) {
            if (now - e.lastSeenMillis() > olderThanMillis) {
                out.add(e.node());
            }
        }
        return out;
    }

    /** Up to {@code n} nodes closest to {@code target}, closest first. */
    public synchronized List<NodeInfo> closest(NodeId target, int n) {
        List<NodeInfo> all = new ArrayList<>(byId.size());
        for (Entry e : byId.values()) {
            all.add(e.node());
        }
        all.sort((a, b) -> target.compareDistance(a.id(), b.id()));
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    /**
     * Like {@link #closest} but secure nodes come before non-secure ones; lookups start from this,
     * so a flood of made-up ids at one address cannot steer them.
     */
    public synchronized List<NodeInfo> closestSecureFirst(NodeId target, int n) {
        List<Entry> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing((Entry e) -> !e.secure()).thenComparing((a, b) -> target.compareDistance(a.node().id(), b.node().id())));
        List<NodeInfo> out = new ArrayList<>(Math.min(n, all.size()));
        for (int i = 0; i < all.size() && i < n; i++) {
            out.add(all.get(i).node());
        }
        return out;
    }

    public synchronized int size() {
        return byId.size();
    }

    /** Every node, in no particular order. */
    public synchronized List<NodeInfo> nodes() {
        List<NodeInfo> out = new ArrayList<>(byId.size());
        byId.values().forEach(e -> out.add(e.node()));
        return out;
    }

    /** A snapshot of every entry. */
    public synchronized List<Entry> entries() {
        return List.copyOf(byId.values());
    }

    /** Re-files every node under a new own id (after a BEP 42 id change); nodes that no longer fit are dropped. */
    public synchronized void rebase(NodeId newSelf) {
        List<Entry> old = new ArrayList<>(byId.values());
        self = requireNonNull(newSelf, "newSelf is null");
        byId.clear();
        byAddress.clear();
        buckets.forEach(List::clear);
        for (Entry e : old) {
            if (e.node().id().equals(newSelf)) {
                continue;
            }
            List<Entry> bucket = buckets.get(self.bucketIndex(e.node().id()));
            if (bucket.size() < K) {
                bucket.add(e);
                byId.put(e.node().id(), e);
                byAddress.put(e.node().address(), e);
            }
        }
    }

    private Entry nonSecureAt(InetAddress ip) {
        for (Entry e : byId.values()) {
            if (!e.secure() && e.node().address().getAddress().equals(ip)) {
                return e;
            }
        }
        return null;
    }

    private void replace(Entry old, Entry updated) {
        List<Entry> bucket = buckets.get(self.bucketIndex(old.node().id()));
        int i = bucket.indexOf(old);
        if (i >= 0) {
            bucket.set(i, updated);
        } else {
            bucket.add(updated);
        }
        byId.put(updated.node().id(), updated);
        byAddress.remove(old.node().address());
        byAddress.put(updated.node().address(), updated);
    }
}
