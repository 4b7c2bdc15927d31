package org.pubky.store.files;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link FileBlobStore} is set up.
 *
 * @param directory the store's root directory; created if missing. May be a symbolic link, which
 *     is resolved once when the store opens
 * @param fsync whether each write is forced to stable storage (file and directory entries) before
 *     it returns; without it a blob survives a crash of the process but maybe not of the machine
 * @param tempGrace how long a temporary file must have gone unmodified before a cleaner may treat
 *     it as left by a crashed write; at least {@link #MIN_TEMP_GRACE}, since other processes
 *     sharing the directory may have writes in progress
 */
public record FileBlobStoreConfig(Path directory, boolean fsync, Duration tempGrace) {
    /** The default {@link #tempGrace}: an upload that sent nothing for an hour is dead. */
    public static final Duration DEFAULT_TEMP_GRACE = Duration.ofHours(1);
    /** The smallest {@link #tempGrace} accepted. */
    public static final Duration MIN_TEMP_GRACE = Duration.ofMinutes(1);

    public FileBlobStoreConfig {
        requireNonNull(directory, "directory is null");
        requireNonNull(tempGrace, "tempGrace is null");
        if (tempGrace.compareTo(MIN_TEMP_GRACE) < 0) {
            throw new IllegalArgumentException("tempGrace must be at least " + MIN_TEMP_GRACE);
        }
    }

    /** {@code directory} with fsync on and the default grace period. */
    public static FileBlobStoreConfig of(Path directory) {
        return new FileBlobStoreConfig(directory, true, DEFAULT_TEMP_GRACE);
    }

    /** This configuration with {@code fsync} changed. */
    public FileBlobStoreConfig withFsync(boolean fsync) {
        return new FileBlobStoreConfig(directory, fsync, tempGrace);
    }

    /** This configuration with {@code tempGrace} changed. */
    public FileBlobStoreConfig withTempGrace(Duration tempGrace) {
        return new FileBlobStoreConfig(directory, fsync, tempGrace);
    }
}
