package org.pubky.core.homeserver.storage;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.pubky.core.hash.ContentHash;
import org.pubky.core.homeserver.auth.AuthSession;
import org.pubky.core.homeserver.quota.QuotaResolver;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.StoragePath;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;
import org.pubky.spi.storage.BlobStore;
import org.pubky.spi.storage.DeleteOutcome;
import org.pubky.spi.storage.Entry;
import org.pubky.spi.storage.ListQuery;
import org.pubky.spi.storage.MetadataStore;
import org.pubky.spi.storage.PutOutcome;
import org.pubky.spi.storage.PutUnit;
import org.pubky.spi.storage.StoredBlob;
import org.pubky.spi.storage.UserRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users' files: reads, listings, and writes that stream the body into the blob store and then
 * commit the metadata in one atomic unit. Every method authorizes first, with the reference's
 * rules and messages. Thread-safe.
 *
 * <p>Write order (so a crash never leaves metadata pointing at missing bytes): blob written and
 * durable, then the unit commits, then the blob it replaced is deleted. A crash in between leaves
 * only an orphan blob, which {@link BlobSweeper} removes.
 */
public final class StorageService {
    private static final Logger LOG = LoggerFactory.getLogger(StorageService.class);

    private final MetadataStore metadata;
    private final BlobStore blobs;
    private final QuotaResolver quotas;
    private final Clock clock;
    private final long maxUploadBytes;

    public StorageService(MetadataStore metadata, BlobStore blobs, QuotaResolver quotas, Clock clock,
            long maxUploadBytes) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.blobs = requireNonNull(blobs, "blobs is null");
        this.quotas = requireNonNull(quotas, "quotas is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.maxUploadBytes = maxUploadBytes;
    }

    /** The entry of a file, after read authorization; empty if there is no such file. */
    public Optional<Entry> find(PublicKey owner, StoragePath path, Optional<AuthSession> session) {
        StorageAuthorizer.authorizeRead(owner, path, session);
        return metadata.entries().find(owner.z32(), path.value());
    }

    /** True if the owner has an account. */
    public boolean userExists(PublicKey owner) {
        return metadata.users().find(owner.z32()).isPresent();
    }

    /** Opens a file's content; the caller closes the stream. */
    public InputStream open(Entry entry) {
        return blobs.open(entry.blobId());
    }

    /**
     * A directory listing after read authorization on the directory itself.
     *
     * @throws PubkyException 404 "Directory Not Found" when nothing is stored below it
     */
    public List<String> list(PublicKey owner, StoragePath directory, Optional<String> cursor, int limit,
            boolean reverse, boolean shallow, Optional<AuthSession> session) {
        StorageAuthorizer.authorizeRead(owner, directory, session);
        if (!metadata.entries().directoryExists(owner.z32(), directory.value())) {
            throw new PubkyException(ErrorCode.NOT_FOUND, "Directory Not Found");
        }
        return metadata.entries().list(new ListQuery(owner.z32(), directory.value(), cursor, limit, reverse, shallow));
    }

    /**
     * Stores a file from a streamed body.
     *
     * @param contentLength the declared length, used for an early quota check
     * @throws PubkyException 401/403 (authorization, disabled user, write allow-list), 404 (no
     *     such user), 409 (file/folder collision), 413 (upload limit), 507 (quota)
     */
    public PutOutcome put(PublicKey owner, StoragePath path, Optional<AuthSession> session, InputStream body,
            OptionalLong contentLength) {
        StorageAuthorizer.authorizeWrite(owner, path, session);
        UserRecord user = writableUser(owner, path, true);
        long limit = quotas.storageLimitBytes(user);
        Optional<Entry> existing = metadata.entries().find(owner.z32(), path.value());
        long overhead = existing.isPresent() ? 0 : Entry.METADATA_OVERHEAD;
        long oldLength = existing.map(Entry::length).orElse(0L);
        if (limit != PutUnit.NO_LIMIT && contentLength.isPresent()
                && user.usedBytes() + contentLength.getAsLong() - oldLength + overhead > limit) {
            throw quotaExceeded();
        }
        long room = limit == PutUnit.NO_LIMIT ? Long.MAX_VALUE : limit - user.usedBytes() + oldLength - overhead;
        if (room < 0) {
            throw quotaExceeded();
        }
        return store(owner, path, body, room, limit, true);
    }

    /**
     * An administrative write (WebDAV repair): no session, no collision checks, quota still
     * applies.
     */
    public PutOutcome adminPut(PublicKey owner, StoragePath path, InputStream body) {
        UserRecord user = metadata.users().find(owner.z32())
                .orElseThrow(() -> new PubkyException(ErrorCode.NOT_FOUND, "User not found"));
        return store(owner, path, body, Long.MAX_VALUE, quotas.storageLimitBytes(user), false);
    }

    /**
     * Deletes one file.
     *
     * @throws PubkyException 401/403 (authorization, write allow-list), 404 (no such file)
     */
    public DeleteOutcome delete(PublicKey owner, StoragePath path, Optional<AuthSession> session) {
        StorageAuthorizer.authorizeWrite(owner, path, session);
        writableUser(owner, path, false);
        return deleteEntry(owner, path);
    }

    /** An administrative delete (admin API): no session needed. */
    public DeleteOutcome adminDelete(PublicKey owner, StoragePath path) {
        return deleteEntry(owner, path);
    }

    private DeleteOutcome deleteEntry(PublicKey owner, StoragePath path) {
        DeleteOutcome outcome = metadata.entries().delete(owner.z32(), path.value(), clock.instant());
        deleteBlobQuietly(outcome.removed().blobId());
        return outcome;
    }

    private PutOutcome store(PublicKey owner, StoragePath path, InputStream body, long room, long limit,
            boolean checkCollisions) {
        UploadStream upload = new UploadStream(body, room, maxUploadBytes == 0 ? Long.MAX_VALUE : maxUploadBytes);
        StoredBlob blob = blobs.write(upload);
        ContentHash hash = upload.hash();
        Instant now = clock.instant();
        PutOutcome outcome;
        try {
            outcome = metadata.entries().put(new PutUnit(owner.z32(), path.value(), blob, hash.bytes(),
                    upload.contentType(path.value()), now, limit, checkCollisions));
        } catch (RuntimeException e) {
            deleteBlobQuietly(blob.id());
            throw e;
        }
        outcome.replaced().ifPresent(old -> deleteBlobQuietly(old.blobId()));
        return outcome;
    }

    private UserRecord writableUser(PublicKey owner, StoragePath path, boolean isPut) {
        UserRecord user = metadata.users().find(owner.z32())
                .orElseThrow(() -> new PubkyException(ErrorCode.NOT_FOUND, "User not found"));
        if (isPut && user.disabled()) {
            throw new PubkyException(ErrorCode.FORBIDDEN, "User is disabled");
        }
        Optional<List<String>> allowed = user.quota().allowedWritePaths();
        if (allowed.isPresent() && !WritePaths.allows(allowed.get(), path.value())) {
            throw new PubkyException(ErrorCode.FORBIDDEN, "Write to this path is not allowed");
        }
        return user;
    }

    private void deleteBlobQuietly(String blobId) {
        try {
            blobs.delete(blobId);
        } catch (RuntimeException e) {
            LOG.warn("could not delete blob {}; the orphan sweep will retry", blobId, e);
        }
    }

    private static PubkyException quotaExceeded() {
        return new PubkyException(ErrorCode.QUOTA_EXCEEDED, "Disk space quota exceeded");
    }
}
