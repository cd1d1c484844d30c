package org.ncbgateway.cli.bench;

import java.util.List;

/**
 * The batches of a warm-up: each workload in turn, as fast as the sending threads go, each batch about a
 * second of that workload at the rate its previous batch achieved, so that the pipeline runs at full speed
 * and the warm-up can sample the JIT between batches.
 */
final class WarmupTraffic implements SteadyWarmup.Batch {

    private static final int FIRST_BATCH = 50;

    private final LoadRun runner;
    private final List<Workload> workloads;
    private final int[] sizes;
    private int turn;

    WarmupTraffic(LoadRun runner, List<Workload> workloads) {
        this.runner = runner;
        this.workloads = List.copyOf(workloads);
        // the first batch deep enough to fill the pipeline (batches of a few messages measure its latency, not
        // its speed), fewer for notices that cost the sender more
        this.sizes = workloads.stream().mapToInt(w -> Math.max(SteadyWarmup.Policy.MIN_BATCH,
                FIRST_BATCH / (int) Math.ceil(Math.sqrt(w.recipients().size())))).toArray();
    }

    @Override
    public long run() throws Exception {
        int i = turn++ % workloads.size();
        LoadRun.Result result = runner.run(workloads.get(i), sizes[i], 0);
        sizes[i] = SteadyWarmup.Policy.nextBatch(result.achieved());
        return result.messages();
    }
}
