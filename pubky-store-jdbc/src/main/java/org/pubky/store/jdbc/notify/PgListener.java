package org.pubky.store.jdbc.notify;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.pubky.store.jdbc.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL {@code LISTEN} on a dedicated connection, in a daemon thread: fires whenever any
 * instance's unit commits a {@code pg_notify} on the channel. On a broken connection it reconnects
 * with a growing pause (up to 5 s) and fires once after reconnecting, since notifications sent while
 * it was away are lost.
 *
 * <p>Notifications are read through the driver's {@code org.postgresql.PGConnection} by reflection:
 * the driver is the application's (or the container's), not a compile-time dependency of this
 * module.
 */
final class PgListener implements EventNotifier.Worker, Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PgListener.class);
    private static final int WAIT_MILLIS = 500;

    private final Database db;
    private final String channel;
    private final Runnable fire;
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean closed;

    PgListener(Database db, String channel, Runnable fire) {
        this.db = db;
        this.channel = channel;
        this.fire = fire;
        this.thread = new Thread(this, "pubky-jdbc-listen-" + channel);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        long pause = 100;
        boolean reconnect = false;
        while (!closed) {
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN \"" + channel + "\"");
                }
                Method poll = notificationsMethod(c);
                Object pg = c.unwrap(poll.getDeclaringClass());
                ready.countDown();
                pause = 100;
                if (reconnect) {
                    fire.run();
                }
                while (!closed) {
                    Object[] batch = (Object[]) poll.invoke(pg, WAIT_MILLIS);
                    if (batch != null && batch.length > 0) {
                        fire.run();
                    }
                }
            } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
                if (closed) {
                    return;
                }
                Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
                LOG.warn("LISTEN connection for channel {} failed; reconnecting in {} ms", channel, pause, cause);
                reconnect = true;
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    return;
                }
                pause = Math.min(pause * 2, 5_000);
            }
        }
    }

    private static Method notificationsMethod(Connection c) throws ClassNotFoundException, NoSuchMethodException {
        ClassNotFoundException last = null;
        for (ClassLoader loader : new ClassLoader[] {c.getClass().getClassLoader(),
                Thread.currentThread().getContextClassLoader(), PgListener.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                Class<?> iface = Class.forName("org.postgresql.PGConnection", false, loader);
                return iface.getMethod("getNotifications", int.class);
            } catch (ClassNotFoundException e) {
                last = e;
            }
        }
        throw last != null ? last : new ClassNotFoundException("org.postgresql.PGConnection");
    }

    @Override
    public boolean awaitReady(long millis) throws InterruptedException {
        return ready.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(WAIT_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
