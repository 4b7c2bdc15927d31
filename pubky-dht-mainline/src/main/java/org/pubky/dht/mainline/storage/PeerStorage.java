package org.pubky.dht.mainline.storage;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.pubky.dht.mainline.routing.NodeId;

/**
 * BEP 5 peers announced per info hash: at most {@code maxInfoHashes} hashes (LRU) with at most
 * {@code maxPeersPerHash} peers each (a re-announce moves a peer to the newest end; the oldest
 * is dropped when full). Thread-safe.
 */
public final class PeerStorage {
    private final int maxPeersPerHash;
    private final LinkedHashMap<NodeId, LinkedHashSet<InetSocketAddress>> peers;

    public PeerStorage(int maxInfoHashes, int maxPeersPerHash) {
        if (maxInfoHashes < 1 || maxPeersPerHash < 1) {
            throw new IllegalArgumentException("capacities must be at least 1");
        }
        this.maxPeersPerHash = maxPeersPerHash;
        this.peers = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<NodeId, LinkedHashSet<InetSocketAddress>> eldest) {
                return size() > maxInfoHashes;
            }
        };
    }

    public synchronized void announce(NodeId infoHash, InetSocketAddress peer) {
        LinkedHashSet<InetSocketAddress> set = peers.computeIfAbsent(infoHash, k -> new LinkedHashSet<>());
        set.remove(peer);
        set.add(peer);
        if (set.size() > maxPeersPerHash) {
            set.remove(set.iterator().next());
        }
    }

    /** Up to {@code max} peers of {@code infoHash}, newest first. */
    public synchronized List<InetSocketAddress> peers(NodeId infoHash, int max) {
        LinkedHashSet<InetSocketAddress> set = peers.get(infoHash);
        if (set == null) {
            return List.of();
        }
        List<InetSocketAddress> all = new ArrayList<>(set);
        List<InetSocketAddress> out = new ArrayList<>(Math.min(max, all.size()));
        for (int i = all.size() - 1; i >= 0 && out.size() < max; i--) {
            out.add(all.get(i));
        }
        return out;
    }
}
