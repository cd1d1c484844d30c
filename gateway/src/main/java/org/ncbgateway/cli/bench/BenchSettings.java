package org.ncbgateway.cli.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How long and how hard {@code ncb bench} measures: the full run, {@code --quick} (under a minute), or
 * smaller still for tests.
 *
 * @param recipients the recipient counts measured
 * @param senders threads submitting at the sender
 * @param warmup messages sent, unmeasured, before the first figure of each recipient count (after {@code steady})
 * @param steady before any figure, every workload at full speed until the JIT has settled
 * @param saturation messages sent as fast as possible for the throughput of one recipient (fewer for more)
 * @param window how long each offered load runs
 * @param loads fixed offered loads (messages per second), each run when the pipeline can sustain it
 * @param fractions offered loads as fractions of the throughput measured for the same recipient count
 * @param stageWindow how long each stage, and each ceiling, is measured alone
 * @param soak how long the soak runs, if at all
 * @param soakFraction the soak's offered load as a fraction of the one-recipient throughput
 */
record BenchSettings(List<Integer> recipients, int senders, int warmup, SteadyWarmup.Policy steady, int saturation,
                     Duration window,
                     List<Double> loads, List<Double> fractions, Duration stageWindow,
                     Optional<Duration> soak, double soakFraction) {

    /** A fixed load is run up to this multiple of the measured throughput, past which it only builds a queue. */
    static final double BEYOND_THROUGHPUT = 1.2;

    static final List<Integer> RECIPIENTS = List.of(1, 10, 196);
    static final int MAX_RECIPIENTS = 600;

    /** Settled when the JIT compiles less than 50 ms per second of wall time (on any number of compiler threads). */
    static final double JIT_SETTLED_SHARE = 0.05;

    static BenchSettings full() {
        return new BenchSettings(RECIPIENTS, 8, 0,
                new SteadyWarmup.Policy(JIT_SETTLED_SHARE, Duration.ofSeconds(5), Duration.ofSeconds(180)), 2000,
                Duration.ofSeconds(10),
                List.of(10.0, 20.0, 50.0, 100.0, 200.0, 400.0, 800.0, 1600.0), List.of(0.5, 0.75, 0.9),
                Duration.ofSeconds(3), Optional.empty(), 0.5);
    }

    static BenchSettings quick() {
        return new BenchSettings(RECIPIENTS, 8, 0,
                new SteadyWarmup.Policy(JIT_SETTLED_SHARE, Duration.ofSeconds(2), Duration.ofSeconds(6)), 200,
                Duration.ofMillis(1000), List.of(200.0),
                List.of(0.5, 0.9), Duration.ofMillis(400), Optional.empty(), 0.5);
    }

    /** Fewer messages for more recipients: each costs the sender more, and more receipts come back. */
    int saturation(int recipientCount) {
        return Math.max(Math.min(20, saturation), saturation / (int) Math.ceil(Math.sqrt(recipientCount)));
    }

    int warmup(int recipientCount) {
        return warmup == 0 ? 0 : Math.max(1, warmup / (int) Math.ceil(Math.sqrt(recipientCount)));
    }

    /**
     * Messages sent at an offered load: the window's worth, at least 20 so that p99 means something (unless
     * the throughput run itself is shorter than that).
     */
    int messages(double rate) {
        return (int) Math.max(Math.min(20, saturation), Math.round(rate * window.toMillis() / 1000.0));
    }

    /** The 200 KB notice costs about ten 2 KB ones: a tenth as many, at least 10. */
    int photos() {
        return Math.max(Math.min(10, saturation), saturation / 10);
    }

    /** The offered loads for a recipient count whose throughput is {@code throughput}, lowest first. */
    List<Double> loads(double throughput) {
        java.util.TreeSet<Double> chosen = new java.util.TreeSet<>();
        loads.stream().filter(load -> load <= BEYOND_THROUGHPUT * throughput).forEach(chosen::add);
        fractions.forEach(f -> chosen.add((double) Math.max(1, Math.round(f * throughput))));
        return List.copyOf(chosen);
    }

    int largestRecipientCount() {
        return recipients.stream().mapToInt(Integer::intValue).max().orElse(1);
    }
}
