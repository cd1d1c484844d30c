package org.ncbgateway.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.ncbgateway.notice.NoticeValidator;
import org.ncbgateway.notice.ValidationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `ncb bench validate`: payloads per second through the whole receiving-side validation (strict
 * reading, schema of the kind, semantic rules), by default on a bundled 2 KB red notice.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Measure payload validation throughput (documents per second).")
public final class BenchValidateCommand implements Callable<Integer> {

    private static final String BUNDLED = "/bench/notice-2k.json";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--file", paramLabel = "PAYLOAD", description = "payload to validate (default: bundled 2 KB red notice)")
    Path file;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "unmeasured warm-up (default: ${DEFAULT-VALUE})")
    double warmupSeconds = 3;

    @Option(names = "--seconds", paramLabel = "SECONDS", description = "measured duration (default: ${DEFAULT-VALUE})")
    double seconds = 10;

    @Option(names = "--threads", description = "validating threads sharing one validator (default: ${DEFAULT-VALUE})")
    int threads = 1;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (seconds <= 0 || warmupSeconds < 0 || threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--seconds must be positive, --warmup not negative, --threads at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] payload = payload();
        NoticeValidator validator = new NoticeValidator();
        ValidationReport report = validator.validate(payload);
        if (!report.valid()) {
            report.errors().forEach(e -> err.println(source() + ": " + e));
            err.println("the benchmark payload must be valid: a rejected payload would measure the wrong path");
            return 1;
        }
        run(validator, payload, warmupSeconds, "warm-up", err);
        long start = System.nanoTime();
        Tally tally = run(validator, payload, seconds, "measuring", err);
        double elapsed = (System.nanoTime() - start) / 1e9;
        // Docs per CPU-second stays meaningful on a machine shared with other work; docs/s is wall clock.
        out.printf(Locale.ROOT, "validate: %s (%d bytes), %d thread(s), %d documents in %.1f s: %,.0f docs/s,"
                        + " %,.0f docs per CPU-second, %.1f us CPU per document%n",
                source(), payload.length, threads, tally.documents(), elapsed, tally.documents() / elapsed,
                tally.documents() / tally.cpuSeconds(), tally.cpuSeconds() * 1e6 / tally.documents());
        out.flush();
        return 0;
    }

    /** Documents validated and the CPU time the validating threads spent on them. */
    private record Tally(long documents, double cpuSeconds) {
    }

    private Tally run(NoticeValidator validator, byte[] payload, double duration, String phase, PrintWriter status)
            throws InterruptedException {
        if (duration == 0) {
            return new Tally(0, 0);
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        LongAdder cpuNanos = new LongAdder();
        LongAdder done = new LongAdder();
        long deadline = System.nanoTime() + (long) (duration * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                long cpuStart = cpu.getCurrentThreadCpuTime();
                while (System.nanoTime() < deadline) {
                    if (!validator.validate(payload).valid()) {
                        throw new IllegalStateException("benchmark payload turned invalid");
                    }
                    done.increment();
                }
                cpuNanos.add(cpu.getCurrentThreadCpuTime() - cpuStart);
            });
        }
        pool.shutdown();
        long begun = System.nanoTime();
        while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
            double soFar = (System.nanoTime() - begun) / 1e9;
            status.printf(Locale.ROOT, "\r%s %.0f/%.0f s: %,.0f docs/s   ", phase, soFar, duration, done.sum() / soFar);
            status.flush();
        }
        status.print("\r" + " ".repeat(60) + "\r");
        status.flush();
        return new Tally(done.sum(), cpuNanos.sum() / 1e9);
    }

    private byte[] payload() throws IOException {
        if (file != null) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = BenchValidateCommand.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IOException("bundled payload " + BUNDLED + " missing from the jar");
            }
            return in.readAllBytes();
        }
    }

    private String source() {
        return file != null ? file.toString() : "bundled 2 KB red notice";
    }
}
