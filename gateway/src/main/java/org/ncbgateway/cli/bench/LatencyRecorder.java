package org.ncbgateway.cli.bench;

import java.util.Arrays;

/**
 * Latencies of one measured run, kept whole (a run holds at most a few hundred thousand), and their
 * percentiles by nearest rank: p99 of 100 samples is the 99th smallest, so a single stall shows.
 * Safe for several recording threads.
 */
final class LatencyRecorder {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void record(long latencyNanos) {
        if (latencyNanos < 0) {
            throw new IllegalArgumentException("a latency cannot be negative: " + latencyNanos + " ns");
        }
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized int count() {
        return count;
    }

    /** The percentiles of what was recorded so far; all zero when nothing was. */
    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(count, millis(sorted, 50), millis(sorted, 95), millis(sorted, 99),
                count == 0 ? 0 : sorted[count - 1] / 1e6);
    }

    /** The sample of nearest rank: the smallest with at least {@code percent} % of the samples at or below it. */
    private static double millis(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /** Milliseconds. */
    record Summary(int count, double p50, double p95, double p99, double max) {
    }
}
