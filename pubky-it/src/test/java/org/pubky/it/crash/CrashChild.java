package org.pubky.it.crash;

import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.pubky.core.hash.ContentHash;
import org.pubky.core.homeserver.auth.AuthSession;
import org.pubky.core.homeserver.quota.QuotaDefaults;
import org.pubky.core.homeserver.quota.QuotaResolver;
import org.pubky.core.homeserver.storage.StorageService;
import org.pubky.core.keys.PublicKey;
import org.pubky.core.path.Capabilities;
import org.pubky.core.path.StoragePath;

/**
 * The process the crash test kills: opens the stores of a {@link StoreSetup}, makes sure the
 * users exist, prints {@code READY}, then runs {@value #THREADS} writer threads that PUT and
 * DELETE files through the homeserver's own write path ({@link StorageService}) until the process
 * is killed.
 *
 * <p>Standard output is the journal the parent checks, one line per step, each written with a
 * single unbuffered {@code write} (a pipe write below 4 KiB is atomic, so lines never interleave):
 * <ul>
 *   <li>{@code BEGIN <thread> PUT <user> <path> <blake3 hex> <length>} or
 *       {@code BEGIN <thread> DEL <user> <path>}, before the unit starts;
 *   <li>{@code ACK <thread>}, only after the unit returned: the unit is acknowledged.
 * </ul>
 * Each thread owns its own paths ({@code /pub/crash/t<thread>/...}), so per path at most one unit
 * is in flight when the kill comes. A shutdown hook prints {@code HOOK}: after SIGKILL it must
 * never appear. Any failure of a unit ends the process with status 2 and a stack trace.
 */
public final class CrashChild {
    static final int THREADS = 2;
    static final int PATHS_PER_THREAD = 12;

    private final StorageService service;
    private final PrintStream out;
    private final List<PublicKey> users = StoreSetup.users();

    private CrashChild(StorageService service, PrintStream out) {
        this.service = service;
        this.out = out;
    }

    /** {@code args}: the setup file, a seed for this run's choices. */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> out.print("HOOK\n")));
        StoreSetup setup = StoreSetup.load(Path.of(args[0]));
        long seed = Long.parseLong(args[1]);
        try {
            StoreSetup.Stores stores = setup.open();
            for (PublicKey user : StoreSetup.users()) {
                if (stores.metadata().users().find(user.z32()).isEmpty()) {
                    stores.metadata().users().create(user.z32(), stores.clock().instant(), Optional.empty());
                }
            }
            StorageService service = new StorageService(stores.metadata(), stores.blobs(),
                    new QuotaResolver(QuotaDefaults.NONE), stores.clock(), 0);
            CrashChild child = new CrashChild(service, out);
            child.say("READY");
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Random random = new Random(seed * 31 + t);
                threads.add(new Thread(() -> child.writeForever(thread, random), "writer-" + t));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    private void writeForever(int thread, Random random) {
        try {
            while (true) {
                unit(thread, random);
            }
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    private void unit(int thread, Random random) {
        PublicKey owner = users.get(random.nextInt(users.size()));
        StoragePath path = new StoragePath("/pub/crash/t" + thread + "/f" + random.nextInt(PATHS_PER_THREAD) + ".bin");
        Optional<AuthSession> session = Optional.of(
                new AuthSession(owner, Capabilities.root(), AuthSession.Kind.COOKIE, "crash-test"));
        boolean exists = service.find(owner, path, session).isPresent();
        if (exists && random.nextInt(10) < 3) {
            say("BEGIN " + thread + " DEL " + owner.z32() + " " + path.value());
            service.delete(owner, path, session);
        } else {
            byte[] content = content(random);
            say("BEGIN " + thread + " PUT " + owner.z32() + " " + path.value() + " "
                    + ContentHash.of(content).hex() + " " + content.length);
            service.put(owner, path, session, new ByteArrayInputStream(content), OptionalLong.of(content.length));
        }
        say("ACK " + thread);
    }

    /** One line in one write: {@code println} may write the text and the line break separately. */
    private void say(String line) {
        out.print(line + "\n");
    }

    /** Mostly small files, some empty, a few of 1-2 MiB so that kills also land inside long blob writes. */
    private static byte[] content(Random random) {
        int kind = random.nextInt(100);
        int length = kind < 10 ? 0
                : kind < 60 ? 1 + random.nextInt(4096)
                : kind < 95 ? 1 + random.nextInt(256 * 1024)
                : (1 << 20) + random.nextInt(1 << 20);
        byte[] content = new byte[length];
        random.nextBytes(content);
        return content;
    }

    private static void fail(Throwable e) {
        e.printStackTrace();
        Runtime.getRuntime().halt(2);
    }
}
