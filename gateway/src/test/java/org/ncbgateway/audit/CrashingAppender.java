package org.ncbgateway.audit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;

/**
 * The child JVM of {@link CrashRecoveryTest}: appends from four threads until it is killed, printing
 * {@code acked <messageId>} only after {@link MessageLog#append} returned for it.
 */
public final class CrashingAppender {

    private CrashingAppender() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        MessageLog log = MessageLog.open(Path.of(args[0]), "FR", 256 * 1024);
        for (int t = 0; t < 4; t++) {
            Random random = new Random(t);
            Thread thread = new Thread(() -> {
                while (true) {
                    String id = UUID.randomUUID().toString();
                    byte[] wire = new byte[random.nextInt(10) == 0 ? 200 * 1024 : 2 * 1024];
                    random.nextBytes(wire);
                    log.append(LogEvent.of(EntryType.SENT, id, "diffusion", "HUB-EUROPE", wire));
                    synchronized (out) {
                        out.println("acked " + id);
                    }
                }
            });
            thread.start();
        }
        out.println("started");
    }
}
