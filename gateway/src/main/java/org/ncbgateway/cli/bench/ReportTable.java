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
        line("%-8s %10s %6s %9s %8s %12s %9s %9s %8s %11s %6s", "payload", "recipients", "live", "bytes", "messages",
                "notices/s", "p50 ms", "p99 ms", "JIT ms", "CPU ms/msg", "cores");
        for (BenchReport.Throughput t : report.throughput) {
            line("%-8s %10d %6d %9d %8d %12.1f %9.1f %9.1f %8.0f %11.2f %6.2f", t.workload(), t.recipients(),
                    t.liveRecipients(), t.payloadBytes(), t.messages(), t.perSecond(), t.p50(), t.p99(), t.jitMillis(),
                    t.cpuMillis(), t.busyCores());
        }
        line("(CPU ms/msg: the whole process's CPU, every node and broker, per message; cores: the cores kept busy)");
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
            part("crypto", c.crypto());
            part("broker", c.broker());
            line("both on the same %d cores: %.0f notices/s (the cores over both parts' CPU per notice, at most the "
                    + "slower part alone: %s, %.0f/s)", c.cores(), c.combinedPerSecond(), c.limitedBy(), c.lowerPerSecond());
            line("pipeline %.1f notices/s = %.0f %% of the ceiling of both on the same cores (%.0f %% of the slower "
                    + "part alone)", c.pipelinePerSecond(), 100 * c.fraction(), 100 * c.fractionOfLower());
        }
    }

    private void part(String name, BenchReport.Part p) {
        line("%s alone: %.0f notices/s, %.0f us of CPU a notice, %.2f cores busy (JIT %.0f ms): %s", name,
                p.perSecond(), p.cpuMicros(), p.busyCores(), p.jitMillis(), p.work());
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
        if (report.soakTrend != null) {
            soakTrend(report.soakTrend);
        }
    }

    void soakTrend(HeapTrend t) {
        line("heap after GC %.1f -> %.1f MB over %d slices; least-squares growth %+.3f KB a notice (standard error "
                + "%.3f), %+.1f MB an hour: %s", t.firstMb(), t.lastMb(), t.slices(), t.kbPerNotice(),
                t.kbPerNoticeError(), t.mbPerHour(), t.flat() ? "flat (within two standard errors of zero)"
                        : "GROWING (beyond two standard errors of zero)");
        out.flush();
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
