package org.ncbgateway.cli.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The batches of a warm-up: each workload in turn, as fast as the sending threads go, each batch about a
 * second of that workload at the rate its previous batch achieved, so that the pipeline runs at full speed
 * and the warm-up can sample the JIT between batches.
 */
final class WarmupTraffic implements SteadyWarmup.Batch {

    private final LoadRun runner;
    private final List<Workload> workloads;
    private final int[] sizes;
    private int turn;

    WarmupTraffic(LoadRun runner, List<Workload> workloads) {
        this.runner = runner;
        this.workloads = List.copyOf(workloads);
        this.sizes = new int[workloads.size()];
        Arrays.fill(sizes, SteadyWarmup.Policy.MIN_BATCH);
    }

    @Override
    public long run() throws Exception {
        int i = turn++ % workloads.size();
        LoadRun.Result result = runner.run(workloads.get(i), sizes[i], 0);
        sizes[i] = SteadyWarmup.Policy.nextBatch(result.achieved());
        return result.messages();
    }
}
