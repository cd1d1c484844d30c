package org.ncbgateway.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one operation on some threads at once for a fixed time, after a warm-up of a third of it, and
 * gives operations per second and the process's CPU time per operation. Process CPU, not the calling
 * threads', because some operations (sealing for many recipients) spread over the cores; measured while
 * the rest of the process is idle, it is the operation's own.
 */
final class StageMeter {

    /** One operation; any exception ends the measurement. */
    @FunctionalInterface
    interface Operation {
        void run() throws Exception;
    }

    /** Operations per wall-clock second, microseconds of process CPU per operation, the JIT's compile time. */
    record Rate(double perSecond, double cpuMicros, double jitMillis) {
    }

    private final Duration window;
    private final StatusLine status;

    StageMeter(Duration window, StatusLine status) {
        this.window = window;
        this.status = status;
    }

    Rate measure(String label, int threads, Operation operation) throws Exception {
        status.show("measuring alone: %s (%d thread%s)", label, threads, threads == 1 ? "" : "s");
        repeat(threads, operation, window.dividedBy(3));
        JitCompileTime.Span jit = JitCompileTime.start();
        ProcessCpu.Span cpu = ProcessCpu.start();
        long start = System.nanoTime();
        long count = repeat(threads, operation, window);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Rate(count / seconds, cpu.microsPer(count), jit.millis());
    }

    private static long repeat(int threads, Operation operation, Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        LongAdder count = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    do {
                        operation.run();
                        count.increment();
                    } while (System.nanoTime() < deadline);
                    return null;
                }));
            }
            for (Future<Void> thread : running) {
                thread.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return count.sum();
    }
}
