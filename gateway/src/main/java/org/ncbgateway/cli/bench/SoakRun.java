package org.ncbgateway.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A long run at a steady fraction of the measured throughput, in back-to-back slices; after each slice
 * the heap after a full GC is printed and kept, so that memory that grows with the number of messages
 * (rather than with the load) shows as a rising line.
 */
final class SoakRun {

    private static final Duration MIN_SLICE = Duration.ofSeconds(5);
    private static final int SLICES = 20;

    private final LoadRun runner;
    private final ReceiptWatch watch;
    private final ReportTable table;
    private final StatusLine status;

    SoakRun(LoadRun runner, ReceiptWatch watch, ReportTable table, StatusLine status) {
        this.runner = runner;
        this.watch = watch;
        this.table = table;
        this.status = status;
    }

    List<BenchReport.SoakPoint> run(Workload workload, double rate, Duration duration) throws Exception {
        Duration slice = duration.dividedBy(SLICES).compareTo(MIN_SLICE) < 0 ? MIN_SLICE : duration.dividedBy(SLICES);
        List<BenchReport.SoakPoint> points = new ArrayList<>();
        status.show("soak: %.0f notices/s for %d s", rate, duration.toSeconds());
        status.keep();
        table.soakHeader();
        long start = System.nanoTime();
        long elapsed;
        while ((elapsed = System.nanoTime() - start) < duration.toNanos()) {
            long nanos = Math.min(slice.toNanos(), duration.toNanos() - elapsed);
            int messages = (int) Math.max(1, Math.round(rate * nanos / 1e9));
            LoadRun.Result result = runner.run(workload, messages, rate);
            BenchReport.SoakPoint point = new BenchReport.SoakPoint((System.nanoTime() - start) / 1e9,
                    HeapGauge.afterGcMb(), watch.answered(), result.achieved(), result.latency().p99());
            points.add(point);
            status.clear();
            table.soakRow(point);
        }
        return points;
    }
}
