package org.pubky.embedded;

import static java.util.Objects.requireNonNull;

import jakarta.ws.rs.core.Application;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * One Jetty server carrying every listener of a runtime: each listener is a named connector whose
 * requests go only to the JAX-RS application mounted for it (Jetty's {@code @connector} virtual
 * hosts), all sharing one thread pool. The applications are the same ones the WAR deploys, run
 * through Jersey's servlet container, so both runtimes behave alike.
 */
final class JettyHost implements AutoCloseable {
    /** One listener: where it binds and what it serves. */
    record Listener(String name, String host, int port, Application application) {
        Listener {
            requireNonNull(name, "name is null");
            requireNonNull(host, "host is null");
            requireNonNull(application, "application is null");
        }
    }

    private final Server server;
    private final Map<String, ServerConnector> connectors = new LinkedHashMap<>();

    private JettyHost(Server server) {
        this.server = server;
    }

    static JettyHost start(List<Listener> listeners, HttpLimits limits) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(8, limits.maxThreads()));
        threads.setName("pubky-http");
        Server server = new Server(threads);
        server.setStopTimeout(limits.stopTimeout().toMillis());
        JettyHost host = new JettyHost(server);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        for (Listener listener : listeners) {
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setSendDateHeader(true);
            http.setRequestHeaderSize(limits.maxHeaderBytes());
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setName(listener.name());
            connector.setHost(listener.host());
            connector.setPort(listener.port());
            connector.setIdleTimeout(limits.idleTimeout().toMillis());
            server.addConnector(connector);
            host.connectors.put(listener.name(), connector);

            ResourceConfig config = ResourceConfig.forApplication(listener.application());
            config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
            config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
            ServletHolder holder = new ServletHolder(listener.name(), new ServletContainer(config));
            holder.setAsyncSupported(true);
            ServletContextHandler context = new ServletContextHandler();
            context.setContextPath("/");
            context.setVirtualHosts(List.of("@" + listener.name()));
            context.addServlet(holder, "/*");
            contexts.addHandler(context);
        }
        server.setHandler(contexts);
        try {
            server.start();
        } catch (Exception e) {
            host.close();
            throw new PubkyException(ErrorCode.UNAVAILABLE, "cannot start the HTTP listeners: " + e.getMessage(), e);
        }
        return host;
    }

    /** The URI a listener is reachable at (with the port actually bound). */
    URI uri(String name) {
        ServerConnector connector = connectors.get(name);
        if (connector == null) {
            throw new IllegalArgumentException("no listener named " + name);
        }
        String host = connector.getHost();
        if (host == null || host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + connector.getLocalPort());
    }

    boolean has(String name) {
        return connectors.containsKey(name);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new PubkyException(ErrorCode.INTERNAL, "stopping the HTTP listeners failed", e);
        } finally {
            server.destroy();
        }
    }
}
