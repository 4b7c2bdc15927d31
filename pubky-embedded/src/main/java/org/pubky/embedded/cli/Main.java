package org.pubky.embedded.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.pubky.core.config.PubkyConfig;
import org.pubky.core.homeserver.SignupMode;
import org.pubky.embedded.PubkyHomeserver;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * The runnable jar: {@code java -jar pubky-homeserver.jar [options]} starts a homeserver and runs
 * until SIGTERM or SIGINT, then drains in-flight requests and exits with status 0.
 */
@Command(name = "pubky-homeserver", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Runs a Pubky homeserver.", sortOptions = false)
public final class Main implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (key, metadata, blobs). Default: ${DEFAULT-VALUE}")
    Path dataDir = Path.of("pubky-data");

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with pubky.* keys (see docs/configuration.md).")
    Path configFile;

    @Option(names = "--listen", paramLabel = "HOST", description = "Address to bind every listener to (default 127.0.0.1).")
    String listen;

    @Option(names = "--client-port", paramLabel = "PORT", description = "Client API port (default 6286).")
    Integer clientPort;

    @Option(names = "--http-relay-port", paramLabel = "PORT", description = "HTTP relay port (default: off; 15412 with --testnet).")
    Integer httpRelayPort;

    @Option(names = "--admin-port", paramLabel = "PORT", description = "Admin API port (default 6288). The admin API runs only with a password.")
    Integer adminPort;

    @Option(names = "--admin-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "Admin password (enables the admin API; 'admin' with --testnet). Prefer the PUBKY_ADMIN_PASSWORD "
                    + "environment variable: a value given here is visible in the process list. Without a value it is read from the terminal.")
    char[] adminPassword;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "Port serving Prometheus metrics at /metrics (default: off).")
    Integer metricsPort;

    @Option(names = "--signup-mode", paramLabel = "MODE", description = "open or token_required (default token_required; open with --testnet).")
    String signupMode;

    @Option(names = "--testnet", description = "Run the reference testnet layout in this JVM (fixed key, ports 6286/6288/15411/15412, temporary data unless --data-dir is given).")
    boolean testnet;

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int code = new CommandLine(new Main()).execute(args);
        System.exit(code);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private boolean dataDirGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--data-dir");
    }

    @Override
    public Integer call() throws Exception {
        PubkyConfig.Builder layered = PubkyConfig.builder();
        if (configFile != null) {
            layered.propertiesFile(configFile);
        }
        layered.systemProperties(System.getProperties()).environment(System.getenv());
        Map<String, String> config = new HashMap<>(layered.build().asMap());
        PubkyHomeserver.Builder builder = PubkyHomeserver.builder().config(config);
        if (testnet) {
            Testnet.configure(builder, dataDirGiven()); // explicit options below still win
            if (config.getOrDefault("pubky.admin.password", "").isEmpty()) {
                builder.adminPassword(Testnet.ADMIN_PASSWORD);
            }
        }
        if (!testnet || dataDirGiven()) {
            Files.createDirectories(dataDir);
            builder.dataDir(dataDir);
        }
        if (signupMode != null) {
            builder.signupMode(SignupMode.parse(signupMode));
        }
        if (listen != null) {
            builder.listenHost(listen);
        }
        if (clientPort != null) {
            builder.clientPort(clientPort);
        }
        if (httpRelayPort != null) {
            builder.httpRelayPort(httpRelayPort);
        }
        if (adminPort != null) {
            builder.adminPort(adminPort);
        }
        if (adminPassword != null && adminPassword.length > 0) {
            builder.adminPassword(new String(adminPassword));
            java.util.Arrays.fill(adminPassword, '\0');
        }
        if (metricsPort != null) {
            builder.metricsPort(metricsPort);
        }
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        try (PubkyHomeserver server = builder.start()) {
            System.out.println("Pubky homeserver " + server.publicKey() + " listening on " + server.clientUri());
            server.httpRelayUri().ifPresent(uri -> System.out.println("HTTP relay listening on " + uri));
            server.adminUri().ifPresent(uri -> System.out.println("Admin API listening on " + uri));
            server.metricsUri().ifPresent(uri -> System.out.println("Metrics listening on " + uri + "/metrics"));
            stop.await();
            System.out.println("Stopping: draining in-flight requests");
        }
        return 0;
    }
}
