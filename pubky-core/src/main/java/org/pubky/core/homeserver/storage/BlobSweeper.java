package org.pubky.core.homeserver.storage;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.MetadataStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes blobs no entry points to: leftovers of a crash between writing a blob and committing
 * its metadata, or between a commit and the deletion of the blob it replaced. Blobs younger than
 * the grace period are left alone, because an upload in flight has written its blob but not yet
 * committed.
 */
public final class BlobSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(BlobSweeper.class);

    private final MetadataStore metadata;
    private final BlobStore blobs;
    private final Clock clock;
    private final Duration grace;

    public BlobSweeper(MetadataStore metadata, BlobStore blobs, Clock clock, Duration grace) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.blobs = requireNonNull(blobs, "blobs is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.grace = requireNonNull(grace, "grace is null");
    }

    /** One sweep; returns the number of orphans deleted. */
    public int sweep() {
        int[] deleted = {0};
        blobs.scan(clock.instant().minus(grace), id -> {
            if (!metadata.entries().isBlobReferenced(id) && blobs.delete(id)) {
                deleted[0]++;
            }
        });
        if (deleted[0] > 0) {
            LOG.info("orphan sweep deleted {} blobs", deleted[0]);
        }
        return deleted[0];
    }
}
