package org.ncbgateway.cli.bench;

import java.io.PrintWriter;
import java.util.Locale;

/** The report of a run as tables for the terminal, one per section, with the conditions they hold for. */
final class ReportTable {

    private final PrintWriter out;

    ReportTable(PrintWriter out) {
        this.out = out;
    }

    void print(BenchReport report) {
        BenchReport.Machine m = report.machine;
        line("ncb bench: %d cores, Java %s, %s, max heap %d MB, load average %.1f at start, %.1f at end",
                m.cores(), m.java(), m.os(), m.maxHeapMb(), m.loadAtStart(), m.loadAtEnd());
        line("federation: %s", report.federation);
        line("data and node logs of the run: %s", report.data);
        warmup(report);
        line("");
        line("END-TO-END THROUGHPUT (as fast as %s; first submitted to last delivered and receipted)",
                "the sending threads go");
        line("%-8s %10s %6s %9s %8s %12s %9s %9s %8s", "payload", "recipients", "live", "bytes", "messages",
                "notices/s", "p50 ms", "p99 ms", "JIT ms");
        for (BenchReport.Throughput t : report.throughput) {
            line("%-8s %10d %6d %9d %8d %12.1f %9.1f %9.1f %8.0f", t.workload(), t.recipients(), t.liveRecipients(),
                    t.payloadBytes(), t.messages(), t.perSecond(), t.p50(), t.p99(), t.jitMillis());
        }
        line("");
        line("LATENCY AT FIXED OFFERED LOADS (open loop; from each message's due time to its last receipt)");
        line("%-8s %10s %10s %10s %8s %9s %9s %9s %9s %8s", "payload", "recipients", "offered/s", "achieved/s",
                "messages", "p50 ms", "p95 ms", "p99 ms", "max ms", "JIT ms");
        for (BenchReport.Latency l : report.latency) {
            line("%-8s %10d %10.0f %10.1f %8d %9.1f %9.1f %9.1f %9.1f %8.0f", l.workload(), l.recipients(),
                    l.offered(), l.achieved(), l.messages(), l.p50(), l.p95(), l.p99(), l.max(), l.jitMillis());
        }
        line("(JIT ms: what the JIT compilers spent compiling during that measurement, all threads; -1: not reported)");
        stagesAndCeiling(report);
        memory("MEMORY (heap after a full GC)", report.memory);
        soak(report);
        out.flush();
    }

    private void stagesAndCeiling(BenchReport report) {
        if (!report.stages.isEmpty()) {
            line("");
            line("COST PER STAGE (each alone, one thread, same run; open checks everything but the payload, validate does that)");
            line("%-10s %-42s %12s %14s %8s", "stage", "what", "per second", "CPU us/msg", "JIT ms");
            for (BenchReport.Stage s : report.stages) {
                line("%-10s %-42s %12.0f %14.1f %8.0f", s.stage(), s.detail(), s.perSecond(), s.cpuMicros(),
                        s.jitMillis());
            }
        }
        BenchReport.Ceiling c = report.ceiling;
        if (c != null) {
            line("");
            line("CEILING OF THIS MACHINE (the work of one bureau-to-bureau notice and its receipt, nothing else, same run)");
            line("crypto alone: %.0f notices/s (JIT %.0f ms): %s", c.cryptoPerSecond(), c.cryptoJitMillis(), c.cryptoWork());
            line("broker alone: %.0f notices/s (JIT %.0f ms): %s", c.brokerPerSecond(), c.brokerJitMillis(), c.brokerWork());
            line("the lower of the two: %.0f notices/s (%s); both on the same cores, 1/(1/crypto + 1/broker): %.0f notices/s",
                    c.lowerPerSecond(), c.limitedBy(), c.combinedPerSecond());
            line("pipeline %.1f notices/s = %.0f %% of the lower ceiling, %.0f %% of the combined", c.pipelinePerSecond(),
                    100 * c.fraction(), 100 * c.fractionOfCombined());
        }
    }

    private void warmup(BenchReport report) {
        BenchReport.Warmup w = report.warmup;
        if (w == null) {
            return;
        }
        line("");
        line("WARM-UP (unmeasured, before the first figure: each workload in turn at full speed until the JIT settles)");
        line("%s: %.1f s, %d messages, the JIT compiled %.0f ms in all and %s ms per second at the end: %s",
                w.workloads(), w.seconds(), w.messages(), w.compileMillis(),
                w.compileShare() < 0 ? "(not reported)" : String.format(Locale.ROOT, "%.0f", 1000 * w.compileShare()),
                w.settled() ? String.format(Locale.ROOT, "settled (below %.0f ms per second)", 1000 * w.settledShare())
                        : String.format(Locale.ROOT, "not settled (below %.0f ms per second) at the warm-up's maximum",
                        1000 * w.settledShare()));
    }

    private void memory(String title, java.util.List<BenchReport.Heap> points) {
        if (points.isEmpty()) {
            return;
        }
        line("");
        line(title);
        line("%-36s %9s %14s %10s", "when", "seconds", "heap after GC", "answered");
        for (BenchReport.Heap h : points) {
            line("%-36s %9.0f %11.1f MB %10d", h.when(), h.seconds(), h.heapAfterGcMb(), h.answered());
        }
    }

    private void soak(BenchReport report) {
        if (report.soak.isEmpty()) {
            return;
        }
        line("");
        line("SOAK at %.0f notices/s, 1 recipient (heap after a full GC at the end of each slice)", report.soakRate);
        soakHeader();
        report.soak.forEach(this::soakRow);
    }

    void soakHeader() {
        line("%9s %14s %12s %12s %9s", "seconds", "heap after GC", "answered", "achieved/s", "p99 ms");
        out.flush();
    }

    void soakRow(BenchReport.SoakPoint p) {
        line("%9.0f %11.1f MB %12d %12.1f %9.1f", p.seconds(), p.heapAfterGcMb(), p.answered(), p.achieved(), p.p99());
        out.flush();
    }

    private void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
    }
}
