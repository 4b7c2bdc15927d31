package org.pubky.jaxrs.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/** Reading small request bodies with a hard size limit. */
public final class Bodies {
    private Bodies() {
    }

    /**
     * Reads the whole body, failing with {@link ErrorCode#PAYLOAD_TOO_LARGE} as soon as it exceeds
     * {@code limit} bytes, so an oversized body is never buffered.
     */
    public static byte[] readLimited(InputStream in, int limit, String what) {
        if (in == null) {
            return new byte[0];
        }
        try {
            byte[] buffer = new byte[Math.min(limit + 1, 8192)];
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    if (length > limit) {
                        throw new PubkyException(ErrorCode.PAYLOAD_TOO_LARGE, what + " is larger than " + limit + " bytes");
                    }
                    buffer = Arrays.copyOf(buffer, Math.min(limit + 1, buffer.length * 2));
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
                if (length > limit) {
                    throw new PubkyException(ErrorCode.PAYLOAD_TOO_LARGE, what + " is larger than " + limit + " bytes");
                }
            }
            return Arrays.copyOf(buffer, length);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }

    /**
     * Reads and drops what is left of a body, up to {@code limit} bytes. Returns true if the body
     * ended within the limit (the connection can be reused), false otherwise or on a read error.
     */
    public static boolean discard(InputStream in, long limit) {
        if (in == null) {
            return true;
        }
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > limit) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
