package org.pubky.store.lmdb;

import java.util.function.Function;
import org.lmdbjava.Txn;

/**
 * One caller's atomic unit waiting for the group commit in {@link LmdbEnvironment#write}. The
 * batch leader stages an outcome for each attempt (a map growth discards the staged outcomes and
 * runs the batch again) and publishes it only after the batch's transaction is committed, so a
 * caller never sees a result that is not yet durable.
 *
 * <p>Thread-safe by hand-off: the leader writes under the writer lock, then publishes through the
 * volatile {@code done}; the caller reads after seeing it.
 *
 * @param <T> what the unit returns
 */
final class WriteRequest<T> {
    final Function<Txn<byte[]>, T> body;
    private T staged;
    private RuntimeException stagedFailure;
    private T result;
    private RuntimeException failure;
    private volatile boolean done;

    WriteRequest(Function<Txn<byte[]>, T> body) {
        this.body = body;
    }

    void stage(Txn<byte[]> txn) {
        staged = body.apply(txn);
        stagedFailure = null;
    }

    void stageFailure(RuntimeException e) {
        staged = null;
        stagedFailure = e;
    }

    boolean stagedOk() {
        return stagedFailure == null;
    }

    /** Publishes the staged outcome (after commit, or after an abort that only failed units). */
    void publish() {
        result = staged;
        failure = stagedFailure;
        done = true;
    }

    void fail(RuntimeException e) {
        result = null;
        failure = e;
        done = true;
    }

    boolean isDone() {
        return done;
    }

    /** The unit's result, or its exception rethrown in the caller's thread. */
    T outcome() {
        if (failure != null) {
            throw failure;
        }
        return result;
    }
}
