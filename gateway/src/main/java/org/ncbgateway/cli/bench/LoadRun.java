package org.ncbgateway.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.ncbgateway.gateway.Submission;

/**
 * Sends a number of messages of one workload through the pipeline and waits until every one is delivered
 * and its receipts are back at the sender. Open loop at a given rate: message i is due at start + i/rate,
 * and its latency counts from that due time, so a stall of the sender delays the next messages' clocks
 * too instead of hiding. With no rate, as fast as the sending threads go, latency from each submission.
 */
final class LoadRun {

    /**
     * @param offered messages per second asked for; 0 when as fast as possible
     * @param achieved messages per second from the first due time to the last receipt
     * @param jitMillis the JIT's compile time during the run (see {@link JitCompileTime})
     * @param cpuMillis process CPU per message, in milliseconds
     * @param busyCores cores the run kept busy on average
     */
    record Result(String workload, int recipients, int messages, double offered, double achieved,
                  LatencyRecorder.Summary latency, double jitMillis, double cpuMillis, double busyCores) {
    }

    /** How long the pipeline may answer nothing before the benchmark gives up on it. */
    static final Duration STALL = Duration.ofSeconds(60);

    private final BenchPipeline pipeline;
    private final NanoClock clock;
    private final int senders;
    private final StatusLine status;

    LoadRun(BenchPipeline pipeline, NanoClock clock, int senders, StatusLine status) {
        this.pipeline = pipeline;
        this.clock = clock;
        this.senders = senders;
        this.status = status;
    }

    /** @param rate messages per second; 0 for as fast as possible */
    Result run(Workload workload, int messages, double rate) throws Exception {
        LatencyRecorder latencies = new LatencyRecorder();
        CountDownLatch answered = new CountDownLatch(messages);
        AtomicLong lastAnswer = new AtomicLong(Long.MIN_VALUE);
        AtomicInteger next = new AtomicInteger();
        long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        JitCompileTime.Span jit = JitCompileTime.start();
        ProcessCpu.Span cpu = ProcessCpu.start();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<Void>> sending = new ArrayList<>();
            for (int t = 0; t < senders; t++) {
                sending.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                        long due = start + i * interval;
                        LockSupport.parkNanos(due - System.nanoTime());
                        long from = clock.epochNanos(rate > 0 ? due : System.nanoTime());
                        Submission submission = workload.next();
                        pipeline.watch().await(submission.messageId(), workload.live(), (at, delivered) -> {
                            latencies.record(Math.max(0, at - from));
                            lastAnswer.accumulateAndGet(at, Math::max);
                            answered.countDown();
                        });
                        pipeline.sender().submit(submission);
                    }
                    return null;
                }));
            }
            await(workload, messages, rate, answered, sending);
        } finally {
            pool.shutdownNow();
        }
        if (pipeline.watch().rejected() > 0) {
            throw new IllegalStateException(workload.name() + ": " + pipeline.watch().rejected()
                    + " message(s) rejected by a recipient; the benchmark payload must be deliverable");
        }
        double seconds = (lastAnswer.get() - clock.epochNanos(start)) / 1e9;
        return new Result(workload.name(), workload.recipients().size(), messages, rate, messages / seconds,
                latencies.summary(), jit.millis(), cpu.millis() / messages, cpu.busyCores());
    }

    /** Waits for every answer; a pipeline that answers nothing for {@link #STALL} ends the run with a reason. */
    private void await(Workload workload, int messages, double rate, CountDownLatch answered,
                       List<Future<Void>> sending) throws Exception {
        String load = rate > 0 ? String.format("%.0f/s", rate) : "full speed";
        ProgressWait.await(answered, messages, sending, STALL, done -> new IllegalStateException(workload.name()
                + " to " + workload.recipients().size() + " recipient(s) at " + load + ": nothing answered for "
                + STALL.toSeconds() + " s, " + done + " of " + messages + " answered; the nodes' logs are in the run's "
                + "folder"), done -> status.update("%s at %s: %d/%d answered", workload.name(), load, done, messages));
        for (Future<Void> sender : sending) {
            sender.get();
        }
    }
}
