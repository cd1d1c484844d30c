package org.ncbgateway.cli.bench;

import java.io.PrintWriter;
import java.time.Duration;

/** Runs an operation on this thread for a fixed time, after a warm-up, and reports operations per second. */
final class Throughput {

    /** One operation of a benchmark; any exception ends the benchmark. */
    @FunctionalInterface
    interface Operation {
        void run() throws Exception;
    }

    private final Duration window;
    private final PrintWriter progress;

    Throughput(Duration window, PrintWriter progress) {
        this.window = window;
        this.progress = progress;
    }

    double run(String label, Operation operation) {
        repeat(label + " (warm-up)", operation, window.dividedBy(3).toNanos());
        long start = System.nanoTime();
        long count = repeat(label, operation, window.toNanos());
        return count * 1e9 / (System.nanoTime() - start);
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
