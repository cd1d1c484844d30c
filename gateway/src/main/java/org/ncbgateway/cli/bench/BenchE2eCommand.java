package org.ncbgateway.cli.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.ncbgateway.cli.demo.DemoPayloads;
import org.ncbgateway.gateway.GatewayNode;
import org.ncbgateway.gateway.LocalFederation;
import org.ncbgateway.gateway.Submission;
import org.ncbgateway.gateway.SubmissionFile;
import org.ncbgateway.message.Priority;
import org.ncbgateway.transport.Addresses;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ncb bench e2e}: notices per second from one bureau to another through the whole gateway:
 * validation, sealing, message log, persistent broker, store-and-forward bridge over mutual TLS, opening,
 * delivery, and the signed receipt back. Two nodes of the example federation on loopback, fresh data.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = "Measure end-to-end throughput from one bureau to another (notices per second, persistent, TLS).")
public final class BenchE2eCommand implements Callable<Integer> {

    private static final long STATUS_MILLIS = 2000;
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--federation", paramLabel = "DIR", description = "federation material (default: ${DEFAULT-VALUE})")
    Path federationDir = Path.of("certs-example");

    @Option(names = "--from", description = "sending bureau (default: ${DEFAULT-VALUE})")
    String from = "FR";

    @Option(names = "--to", description = "receiving bureau (default: ${DEFAULT-VALUE})")
    String to = "BE";

    @Option(names = "--messages", description = "measured messages (default: ${DEFAULT-VALUE})")
    int messages = 300;

    @Option(names = "--warmup", description = "unmeasured messages first (default: ${DEFAULT-VALUE}), then the "
            + "time-based warm-up")
    int warmup = 50;

    @Option(names = "--warmup-seconds", paramLabel = "SECONDS", description = "then at most this long, messages at "
            + "full speed until the JIT has settled (default: ${DEFAULT-VALUE}; 0: none)")
    double warmupSeconds = 120;

    @Option(names = "--jit-settled", paramLabel = "SHARE", description = "the JIT has settled when it compiles less "
            + "than this share of the time, sampled every 5 s (default: ${DEFAULT-VALUE}, i.e. 50 ms per second)")
    double jitSettled = BenchSettings.JIT_SETTLED_SHARE;

    @Option(names = "--senders", description = "threads submitting at the sender (default: ${DEFAULT-VALUE})")
    int senders = 4;

    @Option(names = "--consumers", description = "consumers of ncb.in at each node (default: the node's default)")
    Integer consumers;

    @Option(names = "--payload", paramLabel = "FILE", description = "payload to send, issued by the sender (default: FR's diffusion of ncb demo)")
    Path payload;

    @CommandLine.Mixin
    RunFolderOption data;

    @Override
    public Integer call() throws Exception {
        if (messages < 1 || warmup < 0 || senders < 1 || from.equals(to) || warmupSeconds < 0 || jitSettled <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--messages, --senders and --jit-settled "
                    + "must be positive, --warmup and --warmup-seconds not negative, --from and --to different");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (payload == null && !from.equals("FR")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the default payload is FR's diffusion: with --from " + from + ", give --payload issued by " + from);
        }
        byte[] body = payload != null ? Files.readAllBytes(payload) : new DemoPayloads(Instant.now()).diffusion();
        RunFolder folder = data.create("ncb-bench-e2e-");
        Path work = folder.path();
        Map<String, String> settings = consumers == null ? Map.of()
                : Map.of("inbound.consumers", Integer.toString(consumers));
        try (LocalFederation federation = LocalFederation.prepare(federationDir, work, List.of(from, to), settings,
                Clock.systemUTC())) {
            federation.startAll();
            GatewayNode sender = federation.node(from);
            GatewayNode receiver = federation.node(to);
            err.println("bench e2e: warming up with " + warmup + " messages " + from + " -> " + to);
            send(sender, body, warmup);
            awaitDelivered(receiver, warmup, err);
            long[] sent = {warmup};
            SteadyWarmup.Outcome steady = settle(sender, receiver, body, sent, err);
            JitCompileTime.Span jit = JitCompileTime.start();
            long start = System.nanoTime();
            long cpuStart = PROCESS.getProcessCpuTime();
            send(sender, body, messages);
            awaitDelivered(receiver, sent[0] + messages, err);
            double delivered = (System.nanoTime() - start) / 1e9;
            awaitReceipts(sender, err);
            double answered = (System.nanoTime() - start) / 1e9;
            double cpuMillis = (PROCESS.getProcessCpuTime() - cpuStart) / 1e6;
            double jitMillis = jit.millis();
            out.printf(Locale.ROOT, "e2e: %s -> %s, %d messages of %d bytes, %d sender thread(s), persistent, mutual TLS:"
                            + " %.1f notices/s delivered (%.1f s), %.1f notices/s with the receipt back at the sender"
                            + " (%.1f s)%n", from, to, messages, body.length, senders, messages / delivered, delivered,
                    messages / answered, answered);
            // CPU time per notice depends little on what else the machine runs; the throughput does
            out.printf(Locale.ROOT, "e2e: %.1f ms of CPU per notice (both nodes, this process), %d cores,"
                            + " load average %.1f at the end%n", cpuMillis / messages, PROCESS.getAvailableProcessors(),
                    PROCESS.getSystemLoadAverage());
            out.printf(Locale.ROOT, "e2e: the JIT compiled %.0f ms during the measured %.1f s (%.0f ms per second); "
                            + "before it, %d messages then %.1f s at full speed (%d messages) %s%n", jitMillis, answered,
                    jitMillis < 0 ? -1 : jitMillis / answered, warmup, steady.seconds(), steady.messages(),
                    settled(steady));
            out.println("e2e: data of the run in " + folder.describe());
            out.flush();
        }
        folder.succeeded();
        return 0;
    }

    /**
     * Messages at full speed, about a second's worth at a time, until the JIT has settled or the warm-up's
     * maximum; {@code sent[0]} counts every message sent so far.
     */
    private SteadyWarmup.Outcome settle(GatewayNode sender, GatewayNode receiver, byte[] body, long[] sent,
                                        PrintWriter err) throws Exception {
        SteadyWarmup.Policy policy = new SteadyWarmup.Policy(jitSettled, Duration.ofSeconds(5),
                Duration.ofMillis((long) (warmupSeconds * 1000)));
        int[] batch = {SteadyWarmup.Policy.MIN_BATCH};
        return SteadyWarmup.ofThisProcess(policy).run(() -> {
            int count = batch[0];
            long start = System.nanoTime();
            send(sender, body, count);
            sent[0] += count;
            awaitDelivered(receiver, sent[0], err);
            batch[0] = SteadyWarmup.Policy.nextBatch(count / ((System.nanoTime() - start) / 1e9));
            return count;
        }, (seconds, done, share) -> {
            err.printf(Locale.ROOT, "bench e2e: warming up, %.0f s, %d messages, the JIT compiling %.0f ms per second"
                    + " (settled below %.0f)%n", seconds, done, 1000 * share, 1000 * jitSettled);
            err.flush();
        });
    }

    private String settled(SteadyWarmup.Outcome steady) {
        if (warmupSeconds == 0) {
            return "(no time-based warm-up)";
        }
        if (steady.compileShare() < 0) {
            return "(this JVM does not report its compile time)";
        }
        return String.format(Locale.ROOT, "%s, the JIT compiling %.0f ms per second at its end", steady.settled()
                ? "until the JIT settled" : "and the JIT had not settled at the maximum", 1000 * steady.compileShare());
    }

    private void send(GatewayNode sender, byte[] body, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            AtomicInteger left = new AtomicInteger(count);
            List<Future<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                tasks.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        Submission submission = SubmissionFile.readPayload(body, "bench", UUID.randomUUID(), List.of(to),
                                List.of(), Priority.NORMAL, Optional.empty());
                        sender.submit(submission);
                    }
                    return null;
                }));
            }
            for (Future<Void> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Counts what reached the national systems' queue; prints a status line every few seconds. */
    private static void awaitDelivered(GatewayNode receiver, long expected, PrintWriter status)
            throws InterruptedException {
        long lastStatus = System.nanoTime();
        while (receiver.broker().messageCount(Addresses.DELIVER) < expected) {
            if (System.nanoTime() - lastStatus > STATUS_MILLIS * 1_000_000) {
                status.println("bench e2e: delivered " + receiver.broker().messageCount(Addresses.DELIVER) + "/" + expected);
                status.flush();
                lastStatus = System.nanoTime();
            }
            Thread.sleep(20);
        }
    }

    private static void awaitReceipts(GatewayNode sender, PrintWriter status) throws InterruptedException {
        long lastStatus = System.nanoTime();
        while (!sender.machinery().status().pending().isEmpty()) {
            if (System.nanoTime() - lastStatus > STATUS_MILLIS * 1_000_000) {
                status.println("bench e2e: awaiting receipts for " + sender.machinery().status().pending().size()
                        + " messages");
                status.flush();
                lastStatus = System.nanoTime();
            }
            Thread.sleep(20);
        }
    }
}
