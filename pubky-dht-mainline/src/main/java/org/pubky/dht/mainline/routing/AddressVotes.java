package org.pubky.dht.mainline.routing;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * External-address voting (BEP 42 {@code ip} field): every responder tells us the address it saw
 * our query come from. One vote per voter (its socket address; the latest vote counts), at most
 * {@code maxVoters} voters remembered (oldest forgotten first). The winner is the address with most votes, once it
 * has at least {@code quorum} of them and more than half of all votes.
 *
 * <p>Thread-safe.
 */
public final class AddressVotes {
    private final int quorum;
    private final LinkedHashMap<InetSocketAddress, InetSocketAddress> votes;

    public AddressVotes(int quorum, int maxVoters) {
        this.quorum = quorum;
        this.votes = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, InetSocketAddress> eldest) {
                return size() > maxVoters;
            }
        };
    }

    /** Records that {@code voter} saw us as {@code seen}; returns the winner after this vote. */
    public synchronized Optional<InetSocketAddress> vote(InetSocketAddress voter, InetSocketAddress seen) {
        requireNonNull(voter, "voter is null");
        requireNonNull(seen, "seen is null");
        votes.remove(voter);
        votes.put(voter, seen);
        return winner();
    }

    /** The current winner, if any. */
    public synchronized Optional<InetSocketAddress> winner() {
        Map<InetSocketAddress, Integer> tally = new HashMap<>();
        InetSocketAddress best = null;
        int bestCount = 0;
        for (InetSocketAddress a : votes.values()) {
            int c = tally.merge(a, 1, Integer::sum);
            if (c > bestCount) {
                best = a;
                bestCount = c;
            }
        }
        if (best != null && bestCount >= quorum && bestCount * 2 > votes.size()) {
            return Optional.of(best);
        }
        return Optional.empty();
    }

    public synchronized void clear() {
        votes.clear();
    }
}
