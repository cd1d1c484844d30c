package org.ncbgateway.cli.bench;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Runs the real pipeline at full speed, batch after batch, until the JIT has settled: the time the JIT
 * compilers spent compiling during the last sample, per second of wall time, is below a small share. On two
 * cores the C2 compiler still compiles about a CPU-second per second a minute after start, and a figure
 * measured then is the JIT's, not the gateway's. Bounded: after the maximum it stops and says it did not
 * settle.
 */
final class SteadyWarmup {

    /**
     * @param settledShare compile time per second of wall time below which the JIT counts as settled
     * @param sample how long each sample of the compile time lasts (at least: it ends with a batch)
     * @param maximum how long the warm-up may last at most; zero for none
     */
    record Policy(double settledShare, Duration sample, Duration maximum) {

        /** About a second of traffic per batch: long enough to run at full speed, short enough to sample. */
        static final double BATCH_SECONDS = 1.0;
        static final int MIN_BATCH = 10;
        static final int MAX_BATCH = 5000;

        Policy {
            if (settledShare <= 0 || sample.isNegative() || sample.isZero() || maximum.isNegative()) {
                throw new IllegalArgumentException("a settled share and a sample above zero, a maximum not below");
            }
        }

        boolean off() {
            return maximum.isZero();
        }

        /** The next batch's message count: about {@link #BATCH_SECONDS} at the rate the last batch achieved. */
        static int nextBatch(double achievedPerSecond) {
            long messages = Math.round(achievedPerSecond * BATCH_SECONDS);
            return (int) Math.max(MIN_BATCH, Math.min(MAX_BATCH, messages));
        }
    }

    /** One batch of real traffic at full speed, waited for to the end; returns the messages it sent. */
    @FunctionalInterface
    interface Batch {
        long run() throws Exception;
    }

    /** Told at the end of each sample. */
    @FunctionalInterface
    interface Progress {
        void sampled(double seconds, long messages, double compileShare);
    }

    /**
     * @param compileShare compile time per second of wall time in the last sample ({@link JitCompileTime#UNKNOWN}
     *                     when the JVM does not report it, or no sample ended)
     * @param compileMillis compile time during the whole warm-up
     * @param settled whether it ended because the JIT settled, not at the maximum
     */
    record Outcome(double seconds, long messages, double compileShare, double compileMillis, boolean settled) {

        static final Outcome NONE = new Outcome(0, 0, JitCompileTime.UNKNOWN, 0, false);
    }

    private final Policy policy;
    private final LongSupplier nanoTime;
    private final LongSupplier compileMillis;

    SteadyWarmup(Policy policy, LongSupplier nanoTime, LongSupplier compileMillis) {
        this.policy = policy;
        this.nanoTime = nanoTime;
        this.compileMillis = compileMillis;
    }

    /** The warm-up of this process, timed by its JIT compilers. */
    static SteadyWarmup ofThisProcess(Policy policy) {
        return new SteadyWarmup(policy, System::nanoTime, JitCompileTime::totalMillis);
    }

    Outcome run(Batch batch, Progress progress) throws Exception {
        if (policy.off()) {
            return Outcome.NONE;
        }
        long start = nanoTime.getAsLong();
        long compileStart = compileMillis.getAsLong();
        long sampleStart = start;
        long sampleCompile = compileStart;
        long messages = 0;
        double share = JitCompileTime.UNKNOWN;
        while (true) {
            messages += batch.run();
            long now = nanoTime.getAsLong();
            long compiled = compileMillis.getAsLong();
            if (now - sampleStart >= policy.sample().toNanos()) {
                share = compileStart < 0 ? JitCompileTime.UNKNOWN : (compiled - sampleCompile) / ((now - sampleStart) / 1e6);
                progress.sampled((now - start) / 1e9, messages, share);
                if (share >= 0 && share < policy.settledShare()) {
                    return outcome(start, now, messages, share, compileStart, compiled, true);
                }
                sampleStart = now;
                sampleCompile = compiled;
            }
            if (now - start >= policy.maximum().toNanos()) {
                return outcome(start, now, messages, share, compileStart, compiled, false);
            }
        }
    }

    private static Outcome outcome(long start, long end, long messages, double share, long compileStart,
                                   long compiled, boolean settled) {
        return new Outcome((end - start) / 1e9, messages, share,
                compileStart < 0 ? JitCompileTime.UNKNOWN : compiled - compileStart, settled);
    }
}
