package org.ncbgateway.cli.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * Runs an operation on this thread for a fixed time, after a warm-up, and reports operations per
 * second of wall time and per second of this thread's CPU time. On a shared machine the second is
 * the figure that holds for one dedicated core.
 */
final class Throughput {

    /** One operation of a benchmark; any exception ends the benchmark. */
    @FunctionalInterface
    interface Operation {
        void run() throws Exception;
    }

    /** Operations per wall-clock second and per CPU-second of the measuring thread. */
    record Rate(double perSecond, double perCpuSecond) {
    }

    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private final Duration warmUp;
    private final Duration window;
    private final PrintWriter progress;

    Throughput(Duration warmUp, Duration window, PrintWriter progress) {
        this.warmUp = warmUp;
        this.window = window;
        this.progress = progress;
    }

    /** Runs {@code operation} for the warm-up time, unmeasured. */
    void warmUp(String label, Operation operation) {
        repeat(label, operation, warmUp.toNanos());
    }

    /** Measures {@code operation} for the window, after a short warm-up of its own. */
    Rate run(String label, Operation operation) {
        repeat(label + " (warm-up)", operation, window.dividedBy(5).toNanos());
        long start = System.nanoTime();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long count = repeat(label, operation, window.toNanos());
        long cpuNanos = Math.max(1, cpu.getCurrentThreadCpuTime() - cpuStart);
        return new Rate(count * 1e9 / (System.nanoTime() - start), count * 1e9 / cpuNanos);
    }

    private long repeat(String label, Operation operation, long nanos) {
        long start = System.nanoTime();
        long lastReport = start;
        long count = 0;
        while (System.nanoTime() - start < nanos) {
            try {
                operation.run();
            } catch (Exception e) {
                throw new IllegalStateException(label + " failed: " + e, e);
            }
            count++;
            long now = System.nanoTime();
            if (now - lastReport > 500_000_000L) {
                progress.printf("\r%-32s %8d done, %8.0f/s", label, count, count * 1e9 / (now - start));
                progress.flush();
                lastReport = now;
            }
        }
        progress.printf("\r%-32s %8d done%20s%n", label, count, "");
        progress.flush();
        return count;
    }
}
