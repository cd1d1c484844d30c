package org.ncbgateway.cli.bench;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.ArrayList;
import java.util.List;

/**
 * Every figure of one {@code ncb bench} run, in the order they are measured; written as JSON by
 * {@code --json} and printed as tables. Throughput and latency in messages per second and milliseconds.
 * Every measured window says how long the JIT compiled during it ({@code jitMillis}, -1 when the JVM does not
 * report it), so that a reader sees that the warm-up was over.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
final class BenchReport {

    /** Where it ran; load averages at the start and the end say how quiet the machine was. */
    record Machine(int cores, String java, String os, long maxHeapMb, double loadAtStart, double loadAtEnd) {
    }

    /**
     * The warm-up before the first figure: every workload in turn at full speed until the JIT compiled less than
     * {@code settledShare} of the time over a sample ({@code compileShare}: compile time per second of the last
     * sample), or until its maximum ({@code settled} false).
     */
    record Warmup(String workloads, double settledShare, double seconds, long messages, double compileShare,
                  double compileMillis, boolean settled) {
    }

    /** Messages per second of one workload sent as fast as possible, first submitted to last receipted. */
    /**
     * @param cpuMillis milliseconds of process CPU per message, every node and broker of the run included
     * @param busyCores cores the run kept busy on average
     */
    record Throughput(String workload, int recipients, int liveRecipients, int payloadBytes, int messages,
                      double perSecond, double p50, double p99, double jitMillis, double cpuMillis, double busyCores) {
    }

    /** Latency at one offered load, from each message's due time to its last receipt back at the sender. */
    record Latency(String workload, int recipients, double offered, double achieved, int messages, double p50,
                   double p95, double p99, double max, double jitMillis) {
    }

    /** One stage measured alone: per second on one thread, and microseconds of CPU per message. */
    record Stage(String stage, String detail, double perSecond, double cpuMicros, double jitMillis) {
    }

    /**
     * One part of a notice's work (its crypto, its broker traffic) measured alone with every core to itself.
     *
     * @param cpuMicros microseconds of process CPU per notice
     * @param busyCores cores the part kept busy on average: below the core count, it waited on something else
     * @param work what one notice of this part does, and on how many threads
     */
    record Part(double perSecond, double cpuMicros, double busyCores, String work, double jitMillis) {
    }

    /**
     * What this machine does with the work of one bureau-to-bureau notice and nothing else, and the pipeline's
     * one-recipient throughput as a fraction of it. Crypto and broker alone each have every core to themselves;
     * the pipeline does both on the same cores, so its ceiling is the combined one: the cores divided by the CPU
     * both parts spend on a notice, and never above the slower part alone. When both parts keep every core busy,
     * that is 1 / (1/crypto + 1/broker); when one waits (on disk, on the network), the other can use the cores
     * meanwhile and the combined ceiling is higher.
     *
     * @param lowerPerSecond the slower part alone; {@code fractionOfLower} is the pipeline's share of it
     * @param combinedPerSecond both parts on the same cores; {@code fraction} is the pipeline's share of it
     */
    record Ceiling(Part crypto, Part broker, int cores, double lowerPerSecond, String limitedBy,
                   double combinedPerSecond, double pipelinePerSecond, double fraction, double fractionOfLower) {

        static Ceiling of(Part crypto, Part broker, int cores, double pipeline) {
            if (!(crypto.perSecond() > 0 && broker.perSecond() > 0)) {
                throw new IllegalArgumentException("a ceiling is a positive rate: crypto " + crypto.perSecond()
                        + ", broker " + broker.perSecond());
            }
            if (!(crypto.cpuMicros() > 0 && broker.cpuMicros() > 0 && cores > 0)) {
                throw new IllegalArgumentException("a ceiling needs the CPU of each part and the cores: crypto "
                        + crypto.cpuMicros() + " us, broker " + broker.cpuMicros() + " us, " + cores + " cores");
            }
            double lower = Math.min(crypto.perSecond(), broker.perSecond());
            double combined = Math.min(lower, cores * 1e6 / (crypto.cpuMicros() + broker.cpuMicros()));
            return new Ceiling(crypto, broker, cores, lower,
                    crypto.perSecond() <= broker.perSecond() ? "crypto" : "broker", combined, pipeline,
                    pipeline / combined, pipeline / lower);
        }
    }

    /** Heap in use right after a full collection, at one point of the run. */
    record Heap(String when, double seconds, double heapAfterGcMb, long answered) {
    }

    /** One slice of a soak: when it ended, the heap after GC then, and the slice's own figures. */
    record SoakPoint(double seconds, double heapAfterGcMb, long answered, double achieved, double p99) {
    }

    String command;
    String federation;
    /** The folder of the run: the federation, each node's data and logs ({@code nodes.log}). */
    String data;
    Machine machine;
    Warmup warmup;
    final List<Throughput> throughput = new ArrayList<>();
    final List<Latency> latency = new ArrayList<>();
    final List<Stage> stages = new ArrayList<>();
    Ceiling ceiling;
    final List<Heap> memory = new ArrayList<>();
    /** The offered load of the soak, notices per second; 0 when there was none. */
    double soakRate;
    final List<SoakPoint> soak = new ArrayList<>();
    /** Whether the heap after GC grew over the soak; null without a soak of 3 slices or more. */
    HeapTrend soakTrend;
}
