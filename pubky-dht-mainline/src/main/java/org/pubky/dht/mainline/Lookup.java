package org.pubky.dht.mainline;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.pubky.core.bencode.BencodeString;
import org.pubky.dht.mainline.krpc.Compact;
import org.pubky.dht.mainline.routing.NodeId;
import org.pubky.dht.mainline.routing.NodeInfo;
import org.pubky.dht.mainline.routing.RoutingTable;

/**
 * One iterative Kademlia lookup ({@code find_node}, {@code get_peers} or {@code get}) towards a
 * target: candidates sorted by XOR distance; the {@value RoutingTable#K} closest that have not
 * failed are queried, at most {@code concurrency} at a time; every answer adds the nodes it names;
 * the lookup ends when nothing is in flight and the K closest live candidates have all answered
 * (or the query budget is spent). Bootstrap addresses (ids unknown) are queried first when given.
 *
 * <p>Thread-safe: state changes under the lookup's monitor; the visitor is called under it, on the
 * receive thread, with a response that is only valid during the call. The result future is
 * completed on the node's scheduler, never under the monitor.
 */
final class Lookup {
    /** Sees every response (to collect values); must not block. */
    interface Visitor {
        void visit(Response response);
    }

    private enum State { NEW, IN_FLIGHT, DONE, FAILED }

    private static final class Candidate {
        final NodeInfo node;
        State state = State.NEW;
        byte[] token;

        Candidate(NodeInfo node) {
            this.node = node;
        }
    }

    private final MainlineNode node;
    private final NodeId target;
    private final String method;
    private final QueryArgs args;
    private final Visitor visitor;
    private final int concurrency;
    private final int maxQueries;
    private final TreeMap<NodeId, Candidate> candidates;
    private final Set<InetSocketAddress> asked = new HashSet<>();
    private final CompletableFuture<LookupResult> done = new CompletableFuture<>();
    private int inFlight;
    private int queried;
    private int responded;
    private boolean finished;

    Lookup(MainlineNode node, NodeId target, String method, QueryArgs args, Visitor visitor, int concurrency) {
        this.node = node;
        this.target = target;
        this.method = method;
        this.args = args;
        this.visitor = visitor;
        this.concurrency = concurrency;
        this.maxQueries = RoutingTable.K * 10;
        this.candidates = new TreeMap<>(target::compareDistance);
    }

    synchronized CompletableFuture<LookupResult> start(List<NodeInfo> seeds, List<InetSocketAddress> bootstrap) {
        for (NodeInfo n : seeds) {
            add(n);
        }
        for (InetSocketAddress a : bootstrap) {
            if (asked.add(a)) {
                send(a, null);
            }
        }
        step();
        return done;
    }

    private void add(NodeInfo n) {
        if (!n.id().equals(node.id()) && !node.isOwnAddress(n.address())) {
            candidates.putIfAbsent(n.id(), new Candidate(n));
        }
    }

    private void step() {
        if (finished) {
            return;
        }
        int considered = 0;
        for (Candidate c : candidates.values()) {
            if (c.state == State.FAILED) {
                continue;
            }
            if (considered >= RoutingTable.K) {
                break;
            }
            if (c.state == State.NEW) {
                if (inFlight >= concurrency || queried >= maxQueries) {
                    considered++;
                    continue;
                }
                if (!asked.add(c.node.address())) {
                    c.state = State.FAILED; // another id at an address we already asked
                    continue;
                }
                c.state = State.IN_FLIGHT;
                send(c.node.address(), c);
            }
            considered++;
        }
        if (inFlight == 0) {
            finish();
        }
    }

    private void send(InetSocketAddress to, Candidate c) {
        inFlight++;
        queried++;
        node.sendQuery(to, method, args, new ResponseHandler() {
            @Override
            public void onResponse(Response r) {
                synchronized (Lookup.this) {
                    inFlight--;
                    responded++;
                    byte[] token = r.body().get("token") instanceof BencodeString t && !t.isEmpty() && t.length() <= 64
                            ? t.bytes() : null;
                    if (c != null && !c.node.id().equals(r.id())) {
                        c.state = State.FAILED; // it is someone else now; the table learned the real id
                    } else {
                        Candidate self = c;
                        if (self == null) {
                            self = candidates.computeIfAbsent(r.id(), id -> new Candidate(r.node()));
                            asked.add(self.node.address());
                        }
                        self.state = State.DONE;
                        self.token = token;
                    }
                    if (r.body().get("nodes") instanceof BencodeString nodes) {
                        for (NodeInfo n : Compact.parseNodes(nodes)) {
                            add(n);
                        }
                    }
                    visitor.visit(r);
                    step();
                }
            }

            @Override
            public void onError(int code, String message) {
                synchronized (Lookup.this) {
                    inFlight--;
                    if (c != null) {
                        c.state = State.FAILED;
                    }
                    step();
                }
            }

            @Override
            public void onTimeout() {
                synchronized (Lookup.this) {
                    inFlight--;
                    if (c != null) {
                        c.state = State.FAILED;
                        node.routingTable().failed(c.node.id());
                    }
                    step();
                }
            }
        });
    }

    private void finish() {
        finished = true;
        List<Responder> closest = new ArrayList<>(RoutingTable.K);
        for (Candidate c : candidates.values()) {
            if (c.state == State.DONE) {
                closest.add(new Responder(c.node, c.token));
                if (closest.size() == RoutingTable.K) {
                    break;
                }
            }
        }
        LookupResult result = new LookupResult(List.copyOf(closest), queried, responded);
        node.runInternal(() -> done.complete(result));
    }
}
