package org.pubky.store.files;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.pubky.spi.storage.StoredBlob;

/**
 * The child process of {@link FileBlobStoreMultiProcessIT}: opens the store in {@code args[0]},
 * writes {@code args[2]} blobs of content seeds {@code args[1] + i}, and prints
 * {@code <id> <seed> <length>} per blob on standard output.
 */
final class MultiProcessWriter {
    private MultiProcessWriter() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long seedBase = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (FileBlobStore store = FileBlobStore.at(dir)) {
            for (int i = 0; i < count; i++) {
                long seed = seedBase + i;
                long length = FileBlobStoreMultiProcessIT.length(seed);
                StoredBlob blob = store.write(TestContent.stream(seed, length));
                out.println(blob.id() + " " + seed + " " + blob.length());
            }
        }
    }
}
