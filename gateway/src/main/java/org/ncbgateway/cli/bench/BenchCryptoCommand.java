package org.ncbgateway.cli.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.ncbgateway.crypto.MessageOpener;
import org.ncbgateway.crypto.MessageSealer;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.notice.ValidationReport;
import org.ncbgateway.pki.KeyAlgorithm;
import org.ncbgateway.pki.NodeCredentials;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ncb bench crypto}: messages per second sealed and opened on one thread, for EC and RSA
 * federations and several recipient counts. Opening runs every check of SPEC section 4 but payload
 * validation, which {@code ncb bench} measures on its own. Sealing for many EC recipients spreads the
 * key agreements over the cores, so its CPU cost is also given per CPU-second of the whole process,
 * next to the median wall time of one seal.
 */
@Command(name = "crypto", mixinStandardHelpOptions = true,
        description = "Seal and open throughput (messages/s, one thread) for 1, 10 and 196 recipients, EC and RSA.")
public final class BenchCryptoCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--recipients", split = ",", defaultValue = "1,10,196",
            description = "Recipient counts to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> recipientCounts;

    @Option(names = "--keys", split = ",", defaultValue = "ec,rsa",
            description = "Key types: ec (P-256), rsa (RSA-3072) (default: ${DEFAULT-VALUE}).")
    List<String> keyTypes;

    @Option(names = "--seconds", defaultValue = "3", description = "Measuring time per figure (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "10",
            description = "Unmeasured warm-up over every case first, seconds, so that the JIT has compiled the hot paths (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--payload-bytes", defaultValue = "2048", description = "Payload size (default: ${DEFAULT-VALUE}).")
    int payloadBytes;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = spec.commandLine().getErr();
        Duration window = Duration.ofMillis((long) (seconds * 1000));
        Throughput meter = new Throughput(Duration.ofMillis((long) (warmupSeconds * 1000)), window, progress);
        Instant now = Instant.now();
        List<KeyAlgorithm> algorithms;
        try {
            algorithms = keyTypes.stream().map(KeyAlgorithm::fromWireName).toList();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--keys: " + e.getMessage());
        }
        if (recipientCounts.stream().anyMatch(c -> c < 1 || c > 600)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--recipients: counts from 1 to 600");
        }
        out.printf("ncb bench crypto: %d-byte payload, one thread, %s s per figure, Java %s, load average %.1f on %d cores%n",
                payloadBytes, seconds, Runtime.version(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        out.printf("%-4s %10s %12s %12s %14s %14s %10s %12s %19s%n", "keys", "recipients", "seal msg/s",
                "open msg/s", "seal msg/cpu-s", "open msg/cpu-s", "wire bytes", "seal ms p50", "seal msg/proc-cpu-s");
        List<Setup> setups = algorithms.stream().map(a -> setup(a, now, progress)).toList();
        byte[] payload = payload(payloadBytes);
        meter.warmUp("warm-up, every case", () -> {
            for (Setup setup : setups) {
                for (List<X509Certificate> recipients : setup.recipients()) {
                    setup.opener().open(setup.sealer().seal(header(now), payload, recipients));
                }
            }
        });
        for (Setup setup : setups) {
            for (List<X509Certificate> recipients : setup.recipients()) {
                String label = setup.algorithm().wireName() + " " + recipients.size();
                byte[][] last = new byte[1][];
                OperationTimes sealTimes = new OperationTimes();
                Throughput.Rate seal = meter.run("seal " + label, () -> last[0] =
                        sealTimes.time(() -> setup.sealer().seal(header(now), payload, recipients)));
                byte[] wire = last[0];
                Throughput.Rate open = meter.run("open " + label, () -> setup.opener().open(wire));
                out.printf(Locale.ROOT, "%-4s %10d %12.0f %12.0f %14.0f %14.0f %10d %12.2f %19.0f%n",
                        setup.algorithm().wireName(), recipients.size(), seal.perSecond(), open.perSecond(),
                        seal.perCpuSecond(), open.perCpuSecond(), wire.length, sealTimes.medianMillis(),
                        sealTimes.perProcessCpuSecond());
                out.flush();
            }
        }
    }

    /** One federation: a sender, the receiver that opens, and the recipient lists (the receiver first). */
    private record Setup(KeyAlgorithm algorithm, MessageSealer sealer, MessageOpener opener,
                         List<List<X509Certificate>> recipients) {
    }

    private Setup setup(KeyAlgorithm algorithm, Instant now, PrintWriter progress) {
        progress.printf("generating %s keys and certificates...%n", algorithm.wireName());
        progress.flush();
        BenchFederation federation = new BenchFederation(algorithm, now);
        NodeCredentials receiver = federation.node("BE");
        MessageOpener opener = new MessageOpener(receiver, federation.trust(), header -> true, id -> false,
                payload -> ValidationReport.ok(), Clock.systemUTC());
        return new Setup(algorithm, new MessageSealer(federation.node("FR")), opener,
                recipientCounts.stream().map(count -> federation.recipients(receiver, count)).toList());
    }

    private static MessageHeader header(Instant now) {
        return new MessageHeader(UUID.randomUUID(), MessageKind.DIFFUSION, "FR", List.of("all"), List.of(),
                now, now.plus(Duration.ofDays(7)), null, Priority.NORMAL);
    }

    /** A diffusion issued by FR, its summary padded to the requested size. */
    static byte[] payload(int size) {
        String head = "{\"kind\":\"diffusion\",\"schemaVersion\":\"1.0\",\"id\":\"FR-2026-000001\","
                + "\"issuedAt\":\"2026-11-29T00:00:00Z\",\"issuer\":{\"bureau\":\"FR\"},\"summary\":\"";
        String tail = "\"}";
        return (head + "x".repeat(Math.max(0, size - head.length() - tail.length())) + tail)
                .getBytes(StandardCharsets.UTF_8);
    }
}
