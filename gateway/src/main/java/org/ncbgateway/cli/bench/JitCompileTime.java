package org.ncbgateway.cli.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JIT compilers' accumulated compile time in this process (every compiler thread), which tells whether
 * a measurement ran warmed-up code or the JIT compiling it. Not every JVM reports it: then every figure is
 * {@link #UNKNOWN}.
 */
final class JitCompileTime {

    /** What a window reports when the JVM does not monitor compile time. */
    static final double UNKNOWN = -1;

    private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

    private JitCompileTime() {
    }

    static boolean monitored() {
        return COMPILER != null && COMPILER.isCompilationTimeMonitoringSupported();
    }

    /** Milliseconds of compilation since the JVM started, or {@link #UNKNOWN}. */
    static long totalMillis() {
        return monitored() ? COMPILER.getTotalCompilationTime() : (long) UNKNOWN;
    }

    /** Starts counting the compile time of one measured window. */
    static Span start() {
        return new Span(totalMillis());
    }

    /** The compile time from {@link #start()} on. */
    static final class Span {

        private final long startMillis;

        private Span(long startMillis) {
            this.startMillis = startMillis;
        }

        /** Milliseconds the JIT spent compiling since the span started, or {@link #UNKNOWN}. */
        double millis() {
            return startMillis < 0 ? UNKNOWN : totalMillis() - startMillis;
        }
    }
}
