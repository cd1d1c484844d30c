package org.ncbgateway.cli.bench;

import java.lang.management.ManagementFactory;

/**
 * The CPU time of the whole process (every thread: the nodes, their brokers, the JIT, the GC) over one measured
 * window, and how many cores it kept busy. A throughput alone does not say whether the pipeline is bound by the
 * cores or by waiting; the CPU it spent in the same window does.
 */
final class ProcessCpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {
    }

    /** Starts counting the process's CPU time and the wall time of one window. */
    static Span start() {
        return new Span(OS.getProcessCpuTime(), System.nanoTime());
    }

    /** The CPU time and wall time from {@link #start()} on. */
    static final class Span {

        private final long cpuStart;
        private final long wallStart;

        private Span(long cpuStart, long wallStart) {
            this.cpuStart = cpuStart;
            this.wallStart = wallStart;
        }

        /** Process CPU time since the span started, in milliseconds. */
        double millis() {
            return (OS.getProcessCpuTime() - cpuStart) / 1e6;
        }

        /** Process CPU time per operation, in microseconds, for {@code operations} done in the span. */
        double microsPer(long operations) {
            return millis() * 1e3 / Math.max(1, operations);
        }

        /** Cores kept busy on average since the span started: CPU time over wall time. */
        double busyCores() {
            return millis() * 1e6 / Math.max(1, System.nanoTime() - wallStart);
        }
    }
}
