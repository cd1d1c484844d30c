package org.ncbgateway.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The wall time of each operation, and the CPU time of the whole process from the first operation to
 * the last. An operation that spreads over several threads (sealing for a long recipient list) costs
 * more CPU than its calling thread's, which is all {@link Throughput} counts. Not thread-safe: one
 * measuring thread.
 */
final class OperationTimes {

    /** An operation that returns a result. */
    @FunctionalInterface
    interface Timed<T> {
        T run() throws Exception;
    }

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long[] nanos = new long[1024];
    private int count;
    private long cpuStart = -1;
    private long cpuEnd;

    <T> T time(Timed<T> operation) throws Exception {
        if (cpuStart < 0) {
            cpuStart = os.getProcessCpuTime();
        }
        long start = System.nanoTime();
        T result = operation.run();
        long elapsed = System.nanoTime() - start;
        cpuEnd = os.getProcessCpuTime();
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsed;
        return result;
    }

    /** The median wall time of one operation, milliseconds. */
    double medianMillis() {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return sorted[count / 2] / 1e6;
    }

    /** Operations per CPU-second of the whole process (every thread, JIT and GC included). */
    double perProcessCpuSecond() {
        return count * 1e9 / Math.max(1, cpuEnd - cpuStart);
    }
}
