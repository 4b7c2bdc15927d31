package org.pubky.spi.storage;

import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/** Shape checks shared by the records of this package. The caller validates fully before. */
final class Checks {
    private static final String Z32 = "ybndrfg8ejkmcpqxot1uwisza345h769";

    private Checks() {
    }

    static String user(String user) {
        if (user == null || user.length() != 52) {
            throw new PubkyException(ErrorCode.INVALID_PUBLIC_KEY, "user must be a 52-character z-base-32 key");
        }
        for (int i = 0; i < user.length(); i++) {
            if (Z32.indexOf(user.charAt(i)) < 0) {
                throw new PubkyException(ErrorCode.INVALID_PUBLIC_KEY, "user must be a 52-character z-base-32 key");
            }
        }
        return user;
    }

    static String path(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            throw new PubkyException(ErrorCode.INVALID_PATH, "path must be absolute");
        }
        return path;
    }

    static String filePath(String path) {
        path(path);
        if (path.endsWith("/")) {
            throw new PubkyException(ErrorCode.INVALID_PATH, "Target path must be a file");
        }
        return path;
    }

    static String directoryPath(String path) {
        path(path);
        if (!path.endsWith("/")) {
            throw new PubkyException(ErrorCode.INVALID_PATH, "directory path must end with '/'");
        }
        return path;
    }

    static byte[] hash(byte[] hash) {
        if (hash == null || hash.length != 32) {
            throw new IllegalArgumentException("content hash must be 32 bytes");
        }
        return hash.clone();
    }

    static long nonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return value;
    }

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " is null");
        }
        return value;
    }
}
