package org.pubky.core.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The homeserver's key file: the 32-byte secret seed as 64 hex characters, readable by its owner
 * only (mode 600). The reference keeps the same file at {@code <data-dir>/secret}, so an operator
 * can move a key between the two implementations.
 */
public final class SecretFile {
    /** The file name inside the data directory. */
    public static final String NAME = "secret";

    private SecretFile() {
    }

    /** Reads the key pair from {@code file}. */
    public static Keypair read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "cannot read the secret key file", e);
        }
        if (text.length() != 64) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "the secret key file must hold 64 hex characters");
        }
        try {
            return Keypair.fromSecret(HexFormat.of().parseHex(text));
        } catch (IllegalArgumentException e) {
            throw new PubkyException(ErrorCode.MALFORMED_INPUT, "the secret key file must hold 64 hex characters");
        }
    }

    /** Writes {@code keypair}'s secret to a new file with mode 600; refuses to overwrite. */
    public static void write(Path file, Keypair keypair) {
        byte[] content = HexFormat.of().formatHex(keypair.secret()).getBytes(StandardCharsets.US_ASCII);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.write(file, content, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (FileAlreadyExistsException e) {
            throw new PubkyException(ErrorCode.CONFLICT, "the secret key file already exists", e);
        } catch (IOException e) {
            throw new PubkyException(ErrorCode.STORAGE_FAILURE, "cannot write the secret key file", e);
        }
    }

    /** Reads the key in {@code dataDirectory}, creating a random one on first start. */
    public static Keypair readOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(NAME);
        if (Files.exists(file)) {
            return read(file);
        }
        Keypair keypair = Keypair.random(new SecureRandom());
        try {
            write(file, keypair);
            return keypair;
        } catch (PubkyException e) {
            if (e.code() == ErrorCode.CONFLICT) {
                return read(file); // another process created it first
            }
            throw e;
        }
    }
}
