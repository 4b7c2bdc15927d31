package org.pubky.dht.mainline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.pubky.core.bencode.BencodeWriter;
import org.pubky.dht.mainline.routing.NodeId;

/**
 * Sends one write query ({@code put}, {@code announce_peer}) to every responder of a lookup that
 * handed out a token, with that node's token, and tallies the answers. Thread-safe; the result
 * completes on the node's scheduler once every query has ended.
 */
final class StoreRequest {
    /** Writes the {@code a} dictionary with the given token. */
    @FunctionalInterface
    interface Args {
        void write(BencodeWriter w, NodeId self, byte[] token);
    }

    private final CompletableFuture<PutOutcome> done = new CompletableFuture<>();
    private final Map<Integer, Integer> errors = new HashMap<>();
    private final NodeId target;
    private int remaining;
    private int stored;
    private int timeouts;

    private StoreRequest(NodeId target) {
        this.target = target;
    }

    static CompletableFuture<PutOutcome> send(MainlineNode node, NodeId target, List<Responder> responders, String method, Args args) {
        StoreRequest request = new StoreRequest(target);
        List<Responder> withToken = responders.stream().filter(r -> r.token() != null).toList();
        synchronized (request) {
            request.remaining = withToken.size();
            if (withToken.isEmpty()) {
                request.finish(node);
            }
        }
        for (Responder r : withToken) {
            node.sendQuery(r.node().address(), method, (w, self) -> args.write(w, self, r.token()), new ResponseHandler() {
                @Override
                public void onResponse(Response response) {
                    request.ended(node, 0);
                }

                @Override
                public void onError(int code, String message) {
                    request.ended(node, code);
                }

                @Override
                public void onTimeout() {
                    request.ended(node, -1);
                }
            });
        }
        return request.done;
    }

    private synchronized void ended(MainlineNode node, int code) {
        if (code == 0) {
            stored++;
        } else if (code < 0) {
            timeouts++;
        } else {
            errors.merge(code, 1, Integer::sum);
        }
        if (--remaining == 0) {
            finish(node);
        }
    }

    private void finish(MainlineNode node) {
        int s = stored;
        int t = timeouts;
        Map<Integer, Integer> e = Map.copyOf(errors);
        node.runInternal(() -> {
            try {
                done.complete(PutOutcome.decide(target, s, e, t));
            } catch (RuntimeException failure) {
                done.completeExceptionally(failure);
            }
        });
    }
}
