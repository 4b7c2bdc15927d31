package org.pubky.store.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How hard the store pushes its writes to stable storage: {@code fsync} of file contents and of
 * the directory entries that make a file reachable, or nothing (the operating system flushes in
 * its own time). Implementations are stateless and thread-safe.
 */
interface Durability {
    /** Forces the content of {@code channel} to stable storage. */
    void syncFile(FileChannel channel) throws IOException;

    /** Forces the entries of {@code directory} (creations, renames) to stable storage. */
    void syncDirectory(Path directory) throws IOException;

    /** Nothing is forced: a crash of the process loses nothing, a crash of the machine may. */
    static Durability none() {
        return None.INSTANCE;
    }

    /**
     * {@code fsync} of files, and of directories where the platform allows opening one (Linux and
     * macOS do; Windows does not, and there NTFS journals the rename itself).
     */
    static Durability fsync(boolean directories) {
        return directories ? Fsync.WITH_DIRECTORIES : Fsync.FILES_ONLY;
    }

    /** Whether this platform lets us open {@code directory} to fsync it. */
    static boolean canSyncDirectories(Path directory) {
        try {
            FileChannel.open(directory, StandardOpenOption.READ).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    enum None implements Durability {
        INSTANCE;

        @Override
        public void syncFile(FileChannel channel) {
        }

        @Override
        public void syncDirectory(Path directory) {
        }
    }

    enum Fsync implements Durability {
        FILES_ONLY, WITH_DIRECTORIES;

        @Override
        public void syncFile(FileChannel channel) throws IOException {
            channel.force(true);
        }

        @Override
        public void syncDirectory(Path directory) throws IOException {
            if (this == WITH_DIRECTORIES) {
                try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                    channel.force(true);
                }
            }
        }
    }
}
