package org.pubky.dht.mainline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drives {@code src/test/node/interop.mjs} (bittorrent-dht@11 under Node): one command line in,
 * one answer line out. Fails loudly when Node or the installed package is missing; interop is
 * never skipped.
 */
final class JsDht implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    private JsDht(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static JsDht start() throws IOException {
        Path dir = Path.of(System.getProperty("interop.node.dir", "src/test/node"));
        if (!Files.isDirectory(dir.resolve("node_modules/bittorrent-dht"))) {
            throw new IllegalStateException("bittorrent-dht is not installed in " + dir.toAbsolutePath()
                    + ": run the Maven build (npm ci runs in pre-integration-test) or 'npm ci' there");
        }
        Process p = new ProcessBuilder("node", "interop.mjs").directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        JsDht js = new JsDht(p);
        String first = js.readLine();
        if (!"ready".equals(first)) {
            throw new IllegalStateException("interop.mjs did not start: " + first);
        }
        return js;
    }

    /** Sends one command and returns the answer line. */
    synchronized String call(String command) throws IOException {
        in.write(command + "\n");
        in.flush();
        return readLine();
    }

    /** Sends one command whose answer must start with "ok"; returns the words after it. */
    String[] ok(String command) throws IOException {
        String answer = call(command);
        if (!answer.startsWith("ok")) {
            throw new IllegalStateException(command + " -> " + answer);
        }
        return answer.substring(2).strip().split(" ");
    }

    private String readLine() throws IOException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            String s = line.get(30, TimeUnit.SECONDS);
            if (s == null) {
                throw new IOException("interop.mjs exited with " + process.waitFor());
            }
            return s;
        } catch (Exception e) {
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("no answer from interop.mjs", e);
        }
    }

    @Override
    public void close() {
        try {
            call("quit");
        } catch (IOException | RuntimeException e) {
            // already gone
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
