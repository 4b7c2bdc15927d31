package org.pubky.core.recovery;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.pubky.core.keys.Keypair;
import org.pubky.spi.ErrorCode;
import org.pubky.spi.PubkyException;

/**
 * The encrypted backup of a user's secret key, 91 bytes: the line {@code pubky.org/recovery\n},
 * a 24-byte nonce, and the {@link SecretBox} of the 32-byte seed (48 bytes).
 *
 * <p>The key is Argon2id (version 0x13) of the UTF-8 passphrase with salt {@code recovery} and the
 * defaults of the Rust {@code argon2} crate: 19456 KiB of memory, 2 passes, 1 lane, 32 bytes of
 * output. Opening also accepts the older {@code pkarr.org/recovery} line. Deriving the key costs
 * about 19 MiB and tens of milliseconds, so the layout is checked before it.
 *
 * <p>Stateless and thread-safe.
 */
public final class RecoveryFile {
    /** The spec line written by {@link #create}, without its newline. */
    public static final String SPEC_LINE = "pubky.org/recovery";
    /** The spec line of files written by older pkarr-based tools. */
    public static final String LEGACY_SPEC_LINE = "pkarr.org/recovery";
    /** Total length of a recovery file. */
    public static final int LENGTH = SPEC_LINE.length() + 1 + SecretBox.NONCE_LENGTH
            + SecretBox.TAG_LENGTH + Keypair.SECRET_LENGTH;

    private static final byte[] SALT = "recovery".getBytes(StandardCharsets.US_ASCII);
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int LANES = 1;
    private static final int HEADER_LENGTH = SPEC_LINE.length() + 1;

    private RecoveryFile() {
    }

    /** Encrypts {@code keypair}'s secret under {@code passphrase} with a fresh nonce. */
    public static byte[] create(Keypair keypair, String passphrase, SecureRandom random) {
        requireNonNull(random, "random is null");
        byte[] nonce = new byte[SecretBox.NONCE_LENGTH];
        random.nextBytes(nonce);
        return create(keypair, passphrase, nonce);
    }

    /** As {@link #create(Keypair, String, SecureRandom)} with a new {@link SecureRandom}. */
    public static byte[] create(Keypair keypair, String passphrase) {
        return create(keypair, passphrase, new SecureRandom());
    }

    static byte[] create(Keypair keypair, String passphrase, byte[] nonce) {
        requireNonNull(keypair, "keypair is null");
        byte[] key = deriveKey(passphrase);
        byte[] secret = keypair.secret();
        try {
            byte[] box = SecretBox.seal(key, nonce, secret);
            byte[] out = new byte[LENGTH];
            byte[] line = (SPEC_LINE + "\n").getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(line, 0, out, 0, line.length);
            System.arraycopy(nonce, 0, out, HEADER_LENGTH, nonce.length);
            System.arraycopy(box, 0, out, HEADER_LENGTH + nonce.length, box.length);
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Decrypts a recovery file.
     *
     * @throws PubkyException {@link ErrorCode#INVALID_RECOVERY_FILE} if the layout is wrong,
     *     {@link ErrorCode#DECRYPTION_FAILED} if the passphrase is wrong or the file was altered
     */
    public static Keypair open(byte[] file, String passphrase) {
        requireNonNull(file, "file is null");
        checkLayout(file);
        byte[] key = deriveKey(passphrase);
        try {
            return openWithKey(file, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static Keypair openWithKey(byte[] file, byte[] key) {
        checkLayout(file);
        byte[] nonce = Arrays.copyOfRange(file, HEADER_LENGTH, HEADER_LENGTH + SecretBox.NONCE_LENGTH);
        byte[] secret;
        try {
            int boxStart = HEADER_LENGTH + SecretBox.NONCE_LENGTH;
            secret = SecretBox.open(key, nonce, file, boxStart, file.length - boxStart);
        } catch (PubkyException e) {
            throw new PubkyException(ErrorCode.DECRYPTION_FAILED,
                    "could not decrypt the recovery file: wrong passphrase or damaged file");
        }
        try {
            return Keypair.fromSecret(secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    static byte[] deriveKey(String passphrase) {
        requireNonNull(passphrase, "passphrase is null");
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(MEMORY_KIB)
                .withIterations(ITERATIONS)
                .withParallelism(LANES)
                .withSalt(SALT)
                .build());
        byte[] key = new byte[SecretBox.KEY_LENGTH];
        byte[] password = passphrase.getBytes(StandardCharsets.UTF_8);
        try {
            argon2.generateBytes(password, key);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
        return key;
    }

    private static void checkLayout(byte[] file) {
        if (!startsWithLine(file, SPEC_LINE) && !startsWithLine(file, LEGACY_SPEC_LINE)) {
            throw new PubkyException(ErrorCode.INVALID_RECOVERY_FILE,
                    "Recovery file should start with a spec line, followed by a new line character");
        }
        if (file.length != LENGTH) {
            throw new PubkyException(ErrorCode.INVALID_RECOVERY_FILE,
                    "Recovery file should be " + LENGTH + " bytes, got " + file.length);
        }
    }

    private static boolean startsWithLine(byte[] file, String line) {
        if (file.length < line.length() + 1 || file[line.length()] != '\n') {
            return false;
        }
        for (int i = 0; i < line.length(); i++) {
            if (file[i] != line.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
