package org.pubky.core.homeserver.events;

import static java.util.Objects.requireNonNull;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: each stream is an actor whose
 * state only its own tasks touch, while a few pool threads serve thousands of streams. A task that
 * throws is logged and the next one still runs.
 */
final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
    /** Tasks run per turn before the pool thread is handed back, so that busy streams share it. */
    private static final int TURN = 32;

    private final Executor pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean rejected;

    SerialExecutor(Executor pool) {
        this.pool = requireNonNull(pool, "pool is null");
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(requireNonNull(task, "task is null"));
        schedule();
    }

    /** True once the pool refused a turn because it is shutting down: tasks no longer run. */
    boolean rejected() {
        return rejected;
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                pool.execute(this::runTurn);
            } catch (RejectedExecutionException e) {
                rejected = true; // the service is closing; the tasks are dropped with it
                scheduled.set(false);
                tasks.clear();
            }
        }
    }

    private void runTurn() {
        try {
            for (int i = 0; i < TURN; i++) {
                Runnable task = tasks.poll();
                if (task == null) {
                    break;
                }
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("an event stream task failed", e);
                }
            }
        } finally {
            scheduled.set(false);
            if (!tasks.isEmpty()) {
                schedule();
            }
        }
    }
}
