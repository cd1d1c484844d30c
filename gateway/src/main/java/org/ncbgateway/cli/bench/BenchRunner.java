package org.ncbgateway.cli.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ncbgateway.gateway.GatewayNode;
import org.ncbgateway.gateway.SubmissionException;

/**
 * The full benchmark: starts the bench federation, measures for each recipient count the throughput and
 * the latency at offered loads, then the cost of each stage and the machine's ceiling for the same work,
 * and the heap after GC, into one {@link BenchReport}.
 */
final class BenchRunner {

    private static final String NOTICE = "notice";
    private static final String PHOTO = "photo";

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
        RunFolder folder = RunFolder.create(keepIn, "ncb-bench-");
        Path work = folder.path();
        status.show("starting the bench federation (%s) in %s", String.join(", ", BenchFederationFolder.liveNodes()),
                work);
        report.data = folder.describe();
        try (BenchLogging logs = BenchLogging.toFile(work.resolve("nodes.log"));
             BenchPipeline pipeline = BenchPipeline.start(work, settings.largestRecipientCount(), clock)) {
            report.federation = describe();
            heap("federation started", pipeline);
            BenchPayloads payloads = new BenchPayloads(clock.instant());
            LoadRun runner = new LoadRun(pipeline, clock, settings.senders(), status);
            List<Workload> workloads = workloads(pipeline, payloads);
            warmUp(runner, workloads);
            for (Workload workload : workloads) {
                if (workload.name().equals(PHOTO)) {
                    throughput(runner, workload, settings.photos());
                } else {
                    pipeline(runner, workload);
                }
            }
            heap("after the pipeline measurements", pipeline);
            alone(pipeline, payloads, work);
            heap("after the stages and ceilings", pipeline);
            if (settings.soak().isPresent()) {
                soak(pipeline, runner, workload(pipeline, NOTICE, payloads.notice(), 1));
            }
        } finally {
            status.clear();
        }
        folder.succeeded();
        report.machine = new BenchReport.Machine(Runtime.getRuntime().availableProcessors(),
                Runtime.version().toString(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), loadAtStart, loadAverage());
        return report;
    }

    /** Each stage alone, then the ceilings of crypto and broker, on the same machine in the same run. */
    private void alone(BenchPipeline pipeline, BenchPayloads payloads, Path work) throws Exception {
        StageCosts costs = new StageCosts(pipeline, new StageMeter(settings.stageWindow(), status), clock);
        int messages = settings.saturation(1);
        GatewayNode receiver = pipeline.node(BenchFederationFolder.LIVE_RECIPIENTS.get(0));
        NoticeWork notice = new NoticeWork(pipeline.sender(), receiver, payloads.notice(), clock);
        try (StoreAndForward brokers = StoreAndForward.start(pipeline.folder().layout(), BenchFederationFolder.SENDER,
                receiver.code(), work.resolve("broker-alone"))) {
            report.stages.addAll(costs.measure(payloads, settings.recipients(), work, brokers,
                    Math.max(Math.min(messages, 50), messages / 4)));
            int cores = Runtime.getRuntime().availableProcessors();
            StageMeter.Rate crypto = costs.cryptoCeiling(notice, cores);
            NoticeWork.Sizes sizes = notice.sizes();
            int consumers = inboundConsumers(receiver);
            status.show("broker ceiling: %d notices' traffic, %d sending threads, %d consumers of each ncb.in", messages,
                    settings.senders(), consumers);
            NoticeTraffic traffic = new NoticeTraffic(brokers);
            traffic.seconds(sizes, Math.min(messages, 200), settings.senders(), consumers);
            JitCompileTime.Span jit = JitCompileTime.start();
            ProcessCpu.Span cpu = ProcessCpu.start();
            double broker = messages / traffic.seconds(sizes, messages, settings.senders(), consumers);
            double pipelineRate = oneRecipient().orElse(report.throughput.get(0).perSecond());
            report.ceiling = BenchReport.Ceiling.of(
                    new BenchReport.Part(crypto.perSecond(), crypto.cpuMicros(),
                            crypto.perSecond() * crypto.cpuMicros() / 1e6, cryptoWork(brokers, cores), crypto.jitMillis()),
                    new BenchReport.Part(broker, cpu.microsPer(messages), cpu.busyCores(),
                            brokerWork(brokers, sizes, consumers), jit.millis()),
                    cores, pipelineRate);
        }
    }

    private static String cryptoWork(StoreAndForward nodes, int threads) {
        return String.format(Locale.ROOT, "the notice sealed by %1$s for %2$s and opened by %2$s (every check but payload "
                + "validation), %2$s's signed receipt sealed for %1$s and opened by %1$s; %3$d threads", nodes.from(),
                nodes.to(), threads);
    }

    private String brokerWork(StoreAndForward nodes, NoticeWork.Sizes sizes, int consumers) {
        return String.format(Locale.ROOT, "the sealed notice (%3$d bytes) put persistent on %1$s's ncb.out.%2$s by %6$d "
                + "threads, over the TLS bridge into %2$s's ncb.in; taken by %7$d transacted consumers, each putting the "
                + "payload (%4$d bytes) on ncb.deliver (drained) and the sealed receipt (%5$d bytes) on ncb.out.%1$s in "
                + "the same transaction; the receipt over the TLS bridge into %1$s's ncb.in, taken by %7$d transacted "
                + "consumers", nodes.from(), nodes.to(), sizes.notice(), sizes.delivered(), sizes.receipt(),
                settings.senders(), consumers);
    }

    /** The consumers of {@code ncb.in} the node runs ({@code inbound.consumers}). */
    private static int inboundConsumers(GatewayNode node) {
        return Integer.parseInt(node.camel().getPropertiesComponent().resolveProperty("ncb.inbound.consumers")
                .orElseThrow(() -> new IllegalStateException(node.code() + " has no ncb.inbound.consumers")));
    }

    private void soak(BenchPipeline pipeline, LoadRun runner, Workload workload) throws Exception {
        OptionalDouble measured = oneRecipient();
        double sustained = measured.isPresent() ? measured.getAsDouble()
                : throughput(runner, workload, settings.saturation(1)).achieved();
        report.soakRate = Math.max(1, settings.soakFraction() * sustained);
        report.soak.addAll(new SoakRun(runner, pipeline.watch(), table, status).run(workload, report.soakRate,
                settings.soak().get()));
        if (report.soak.size() >= 3) {
            report.soakTrend = HeapTrend.of(report.soak);
            table.soakTrend(report.soakTrend);
        }
    }

    /** The throughput of the 2 KB notice to one recipient, when it was measured. */
    private OptionalDouble oneRecipient() {
        return report.throughput.stream().filter(t -> t.recipients() == 1 && t.workload().equals("notice"))
                .mapToDouble(BenchReport.Throughput::perSecond).findFirst();
    }

    /** What the run measures, in order: the notice to each recipient count, the photo after the notice to one. */
    private List<Workload> workloads(BenchPipeline pipeline, BenchPayloads payloads) throws SubmissionException {
        List<Workload> workloads = new ArrayList<>();
        for (int recipients : settings.recipients()) {
            workloads.add(workload(pipeline, NOTICE, payloads.notice(), recipients));
            if (recipients == 1) {
                workloads.add(workload(pipeline, PHOTO, payloads.photo(), 1));
            }
        }
        return workloads;
    }

    /**
     * Before any figure, every workload in turn at full speed until the JIT has settled (or the warm-up's
     * maximum): the JIT compiles for the whole process, and what one workload leaves uncompiled another's
     * figures would pay for.
     */
    private void warmUp(LoadRun runner, List<Workload> workloads) throws Exception {
        String names = String.join(", ", workloads.stream().map(w -> w.name() + " to " + w.recipients().size())
                .toList());
        SteadyWarmup.Outcome steady = SteadyWarmup.ofThisProcess(settings.steady()).run(
                new WarmupTraffic(runner, workloads), (seconds, messages, share) -> status.show(
                        "warm-up: %.0f s, %d messages, the JIT compiling %.0f ms per second (settled below %.0f)",
                        seconds, messages, 1000 * share, 1000 * settings.steady().settledShare()));
        report.warmup = new BenchReport.Warmup(names, settings.steady().settledShare(), steady.seconds(),
                steady.messages(), steady.compileShare(), steady.compileMillis(), steady.settled());
    }

    /** The message-count warm-up of its recipient count (--warmup), throughput, then each offered load. */
    private void pipeline(LoadRun runner, Workload workload) throws Exception {
        int recipients = workload.recipients().size();
        if (settings.warmup(recipients) > 0) {
            runner.run(workload, settings.warmup(recipients), 0);
        }
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
                result.latency().p99(), result.jitMillis(), result.cpuMillis(), result.busyCores()));
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

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
