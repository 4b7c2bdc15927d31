package org.pubky.store.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Real {@code fsync} that also notes each call and whether, at that moment, any blob file
 * existed under {@code root}: enough to check what is forced, and in which order with the rename.
 */
final class RecordingDurability implements Durability {
    final List<String> events = new CopyOnWriteArrayList<>();
    private final Durability real = Durability.fsync(true);
    private final Path root;

    RecordingDurability(Path root) {
        this.root = root;
    }

    @Override
    public void syncFile(FileChannel channel) throws IOException {
        real.syncFile(channel);
        events.add("file of " + channel.size() + " bytes, " + state());
    }

    @Override
    public void syncDirectory(Path directory) throws IOException {
        real.syncDirectory(directory);
        events.add("dir " + directory.getFileName() + ", " + state());
    }

    private String state() {
        if (!Files.isDirectory(root)) {
            return "no blob";
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.anyMatch(p -> BlobIds.isId(p.getFileName().toString())) ? "blob" : "no blob";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
