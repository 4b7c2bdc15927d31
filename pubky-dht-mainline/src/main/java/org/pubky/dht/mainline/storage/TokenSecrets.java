package org.pubky.dht.mainline.storage;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Random;
import java.util.function.LongSupplier;
import org.bouncycastle.crypto.digests.SHA1Digest;

/**
 * Write tokens (BEP 5 {@code announce_peer}, BEP 44 {@code put}): a token is the first
 * {@value #TOKEN_LENGTH} bytes of SHA-1(requester IPv4 bytes ‖ secret), so it is bound to the
 * requester's IP (not its port or id: BEP 44 puts may come with a random id). The secret rotates
 * every {@code rotateEveryMillis}; a token made with the current or the previous secret is valid,
 * so a token lives between one and two rotation periods.
 *
 * <p>Rotation is lazy (checked against the clock on every call), which makes it exact under a
 * test clock and needs no timer. Thread-safe.
 */
public final class TokenSecrets {
    /** Length of the tokens this node hands out. */
    public static final int TOKEN_LENGTH = 8;
    private static final int SECRET_LENGTH = 20;

    private final Random random;
    private final LongSupplier clockMillis;
    private final long rotateEveryMillis;
    private byte[] current;
    private byte[] previous;
    private long rotatedAt;

    public TokenSecrets(Random random, LongSupplier clockMillis, long rotateEveryMillis) {
        this.random = requireNonNull(random, "random is null");
        this.clockMillis = requireNonNull(clockMillis, "clockMillis is null");
        if (rotateEveryMillis <= 0) {
            throw new IllegalArgumentException("rotation period must be positive");
        }
        this.rotateEveryMillis = rotateEveryMillis;
        this.current = fresh();
        this.previous = fresh();
        this.rotatedAt = clockMillis.getAsLong();
    }

    /** The token for {@code requester} under the current secret. */
    public synchronized byte[] token(InetAddress requester) {
        rotateIfDue();
        return compute(requester.getAddress(), current);
    }

    /** True if {@code token} was made for {@code requester} with the current or previous secret. */
    public synchronized boolean isValid(InetAddress requester, byte[] token) {
        if (token == null || token.length != TOKEN_LENGTH) {
            return false;
        }
        rotateIfDue();
        byte[] ip = requester.getAddress();
        return Arrays.equals(token, compute(ip, current)) || Arrays.equals(token, compute(ip, previous));
    }

    private void rotateIfDue() {
        long now = clockMillis.getAsLong();
        long periods = (now - rotatedAt) / rotateEveryMillis;
        if (periods <= 0) {
            return;
        }
        // One period: the old current stays valid as previous. Two or more: both are too old.
        previous = periods == 1 ? current : fresh();
        current = fresh();
        rotatedAt += periods * rotateEveryMillis;
    }

    private byte[] fresh() {
        byte[] s = new byte[SECRET_LENGTH];
        random.nextBytes(s);
        return s;
    }

    private static byte[] compute(byte[] ip, byte[] secret) {
        SHA1Digest sha1 = new SHA1Digest();
        sha1.update(ip, 0, ip.length);
        sha1.update(secret, 0, secret.length);
        byte[] digest = new byte[sha1.getDigestSize()];
        sha1.doFinal(digest, 0);
        return Arrays.copyOf(digest, TOKEN_LENGTH);
    }
}
