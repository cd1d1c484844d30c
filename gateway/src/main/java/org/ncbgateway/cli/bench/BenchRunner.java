package org.ncbgateway.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.ncbgateway.gateway.SubmissionException;

/**
 * The full benchmark: starts the bench federation, measures for each recipient count the throughput and
 * the latency at offered loads, then the cost of each stage and the machine's ceiling for the same work,
 * and the heap after GC, into one {@link BenchReport}.
 */
final class BenchRunner {

    private final BenchSettings settings;
    private final StatusLine status;
    private final NanoClock clock = new NanoClock();
    private final BenchReport report = new BenchReport();
    private final long started = System.nanoTime();

    private final ReportTable table;

    BenchRunner(BenchSettings settings, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.table = new ReportTable(out);
        this.status = new StatusLine(err);
    }

    /**
     * @param keepIn where to make the run's folder and keep it; empty for a temporary folder deleted after a
     *               run that succeeded (one that failed keeps it, for its nodes' logs)
     */
    BenchReport run(String command, Optional<Path> keepIn) throws Exception {
        report.command = command;
        double loadAtStart = loadAverage();
        Path work = keepIn.isPresent() ? Files.createTempDirectory(Files.createDirectories(keepIn.get()), "ncb-bench-")
                : Files.createTempDirectory("ncb-bench-");
        status.show("starting the bench federation (%s) in %s", String.join(", ", BenchFederationFolder.liveNodes()),
                work);
        report.data = work + (keepIn.isPresent() ? "" : " (deleted at the end; --data DIR keeps it)");
        try (BenchLogging logs = BenchLogging.toFile(work.resolve("nodes.log"));
             BenchPipeline pipeline = BenchPipeline.start(work, settings.largestRecipientCount(), clock)) {
            report.federation = describe();
            heap("federation started", pipeline);
            BenchPayloads payloads = new BenchPayloads(clock.instant());
            LoadRun runner = new LoadRun(pipeline, clock, settings.senders(), status);
            for (int recipients : settings.recipients()) {
                Workload notice = workload(pipeline, "notice", payloads.notice(), recipients);
                Workload photo = workload(pipeline, "photo", payloads.photo(), 1);
                warmUp(runner, recipients == 1 ? List.of(notice, photo) : List.of(notice));
                pipeline(runner, notice);
                if (recipients == 1) {
                    throughput(runner, photo, settings.photos());
                }
            }
            heap("after the pipeline measurements", pipeline);
            alone(pipeline, payloads, work);
            heap("after the stages and ceilings", pipeline);
            if (settings.soak().isPresent()) {
                soak(pipeline, runner, workload(pipeline, "notice", payloads.notice(), 1));
            }
        } finally {
            status.clear();
        }
        if (keepIn.isEmpty()) {
            deleteTree(work);
        }
        report.machine = new BenchReport.Machine(Runtime.getRuntime().availableProcessors(),
                Runtime.version().toString(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), loadAtStart, loadAverage());
        return report;
    }

    /** Each stage alone, then the ceilings of crypto and broker, on the same machine in the same run. */
    private void alone(BenchPipeline pipeline, BenchPayloads payloads, Path work) throws Exception {
        StageCosts costs = new StageCosts(pipeline, new StageMeter(settings.stageWindow(), status), clock);
        int messages = settings.saturation(1);
        try (StoreAndForward brokers = StoreAndForward.start(pipeline.folder().layout(), BenchFederationFolder.SENDER,
                BenchFederationFolder.LIVE_RECIPIENTS.get(0), work.resolve("broker-alone"))) {
            report.stages.addAll(costs.measure(payloads, settings.recipients(), work, brokers,
                    Math.max(Math.min(messages, 50), messages / 4)));
            double crypto = costs.cryptoCeiling(payloads, Runtime.getRuntime().availableProcessors());
            status.show("broker ceiling: %d persistent messages over TLS, %d sending threads", messages,
                    settings.senders());
            double broker = messages / brokers.seconds(2048, messages, settings.senders());
            double pipelineRate = oneRecipient().orElse(report.throughput.get(0).perSecond());
            double ceiling = Math.min(crypto, broker);
            report.ceiling = new BenchReport.Ceiling(crypto, broker, pipelineRate, pipelineRate / ceiling,
                    crypto <= broker ? "crypto" : "broker");
        }
    }

    private void soak(BenchPipeline pipeline, LoadRun runner, Workload workload) throws Exception {
        OptionalDouble measured = oneRecipient();
        double sustained = measured.isPresent() ? measured.getAsDouble()
                : throughput(runner, workload, settings.saturation(1)).achieved();
        report.soakRate = Math.max(1, settings.soakFraction() * sustained);
        report.soak.addAll(new SoakRun(runner, pipeline.watch(), table, status).run(workload, report.soakRate,
                settings.soak().get()));
    }

    /** The throughput of the 2 KB notice to one recipient, when it was measured. */
    private OptionalDouble oneRecipient() {
        return report.throughput.stream().filter(t -> t.recipients() == 1 && t.workload().equals("notice"))
                .mapToDouble(BenchReport.Throughput::perSecond).findFirst();
    }

    /**
     * The warm-up of one recipient count: its message count of the first workload, then the workloads in turn at
     * full speed until the JIT has settled (or the warm-up's maximum).
     */
    private void warmUp(LoadRun runner, List<Workload> workloads) throws Exception {
        Workload first = workloads.get(0);
        int recipients = first.recipients().size();
        long counted = settings.warmup(recipients);
        if (counted > 0) {
            runner.run(first, (int) counted, 0);
        }
        String names = String.join("+", workloads.stream().map(Workload::name).toList());
        SteadyWarmup.Outcome steady = SteadyWarmup.ofThisProcess(settings.steady()).run(
                new WarmupTraffic(runner, workloads), (seconds, messages, share) -> status.show(
                        "warm-up, %s to %d recipient(s): %.0f s, %d messages, JIT compiling %.0f ms/s (settled below %.0f)",
                        names, recipients, seconds, messages, 1000 * share, 1000 * settings.steady().settledShare()));
        report.warmup.add(new BenchReport.Warmup(names, recipients, steady.seconds(), counted + steady.messages(),
                steady.compileShare(), steady.compileMillis(), steady.settled()));
    }

    /** Throughput, then each offered load the pipeline can sustain. */
    private void pipeline(LoadRun runner, Workload workload) throws Exception {
        int recipients = workload.recipients().size();
        LoadRun.Result saturated = throughput(runner, workload, settings.saturation(recipients));
        for (double load : settings.loads(saturated.achieved())) {
            int messages = settings.messages(load);
            LoadRun.Result result = runner.run(workload, messages, load);
            LatencyRecorder.Summary l = result.latency();
            report.latency.add(new BenchReport.Latency(workload.name(), recipients, load, result.achieved(),
                    messages, l.p50(), l.p95(), l.p99(), l.max(), result.jitMillis()));
        }
    }

    private LoadRun.Result throughput(LoadRun runner, Workload workload, int messages) throws Exception {
        LoadRun.Result result = runner.run(workload, messages, 0);
        report.throughput.add(new BenchReport.Throughput(workload.name(), workload.recipients().size(),
                workload.live().size(), workload.payload().length, messages, result.achieved(), result.latency().p50(),
                result.latency().p99(), result.jitMillis()));
        return result;
    }

    private static Workload workload(BenchPipeline pipeline, String name, byte[] payload, int recipients)
            throws SubmissionException {
        return Workload.of(name, payload, pipeline.folder().recipients(recipients),
                BenchFederationFolder.liveRecipients(recipients));
    }

    private void heap(String when, BenchPipeline pipeline) {
        report.memory.add(new BenchReport.Heap(when, (System.nanoTime() - started) / 1e9, HeapGauge.afterGcMb(),
                pipeline.watch().answered()));
    }

    private static String describe() {
        return "generated; running: " + String.join(", ", BenchFederationFolder.liveNodes())
                + " (embedded persistent brokers, mutual TLS, message logs on); FR-DE direct link, BE and NL behind "
                + BenchFederationFolder.HUB + "; recipients beyond the three running bureaus are bureaus of other"
                + " regions whose hubs do not run: sealed for, their copy held at " + BenchFederationFolder.HUB;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
