package org.ncbgateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The warm-up's rule, on a scripted clock and JIT: batches of traffic until a whole sample is quiet, bounded. */
class SteadyWarmupTest {

    private static final Offset<Double> EXACT = Offset.offset(1e-9);

    /** A clock and a JIT that move only when a batch runs: each batch lasts {@code batchMillis} and compiles the next scripted amount. */
    private static final class Script {
        private final long batchMillis;
        private final long[] compiledPerBatch;
        private long nanos = 1_000_000_000L;
        private long compiled = 5_000;
        private int batches;
        private final List<Double> sampled = new ArrayList<>();

        Script(long batchMillis, long... compiledPerBatch) {
            this.batchMillis = batchMillis;
            this.compiledPerBatch = compiledPerBatch;
        }

        SteadyWarmup warmup(double share, long sampleMillis, long maximumMillis) {
            return new SteadyWarmup(new SteadyWarmup.Policy(share, Duration.ofMillis(sampleMillis),
                    Duration.ofMillis(maximumMillis)), () -> nanos, () -> compiled);
        }

        SteadyWarmup.Outcome run(SteadyWarmup warmup) throws Exception {
            return warmup.run(() -> {
                nanos += batchMillis * 1_000_000L;
                compiled += compiledPerBatch[Math.min(batches, compiledPerBatch.length - 1)];
                batches++;
                return 100;
            }, (seconds, messages, share) -> sampled.add(share));
        }
    }

    @Test
    void settles_at_the_end_of_the_first_sample_in_which_the_jit_compiled_less_than_the_share() throws Exception {
        Script script = new Script(1000, 800, 800, 300, 300, 20, 20, 900);

        SteadyWarmup.Outcome outcome = script.run(script.warmup(0.05, 2000, 60_000));

        assertThat(script.sampled).containsExactly(0.8, 0.3, 0.02);
        assertThat(outcome.settled()).isTrue();
        assertThat(outcome.seconds()).isCloseTo(6.0, EXACT);
        assertThat(outcome.messages()).isEqualTo(600);
        assertThat(outcome.compileShare()).isCloseTo(0.02, EXACT);
        assertThat(outcome.compileMillis()).isEqualTo(2240);
    }

    @Test
    void a_quiet_batch_is_not_a_quiet_sample() throws Exception {
        // four half-second batches per two-second sample; the last batch of each sample compiles
        Script script = new Script(500, 0, 0, 0, 400, 0, 0, 0, 400, 0, 0, 0, 40);

        SteadyWarmup.Outcome outcome = script.run(script.warmup(0.05, 2000, 60_000));

        assertThat(script.sampled).containsExactly(0.2, 0.2, 0.02);
        assertThat(outcome.settled()).isTrue();
        assertThat(outcome.seconds()).isCloseTo(6.0, EXACT);
    }

    @Test
    void stops_at_the_maximum_and_says_the_jit_had_not_settled() throws Exception {
        Script script = new Script(1000, 500);

        SteadyWarmup.Outcome outcome = script.run(script.warmup(0.05, 2000, 5000));

        assertThat(outcome.settled()).isFalse();
        assertThat(outcome.seconds()).isCloseTo(5.0, EXACT);
        assertThat(outcome.messages()).isEqualTo(500);
        assertThat(outcome.compileShare()).isCloseTo(0.5, EXACT);
        assertThat(outcome.compileMillis()).isEqualTo(2500);
    }

    @Test
    void without_compile_times_from_the_jvm_it_runs_to_the_maximum_and_reports_them_unknown() throws Exception {
        long[] nanos = {0};
        SteadyWarmup warmup = new SteadyWarmup(new SteadyWarmup.Policy(0.05, Duration.ofSeconds(1),
                Duration.ofSeconds(3)), () -> nanos[0], () -> -1);

        SteadyWarmup.Outcome outcome = warmup.run(() -> {
            nanos[0] += 1_000_000_000L;
            return 10;
        }, (seconds, messages, share) -> { });

        assertThat(outcome.settled()).isFalse();
        assertThat(outcome.messages()).isEqualTo(30);
        assertThat(outcome.compileShare()).isEqualTo(JitCompileTime.UNKNOWN);
        assertThat(outcome.compileMillis()).isEqualTo(JitCompileTime.UNKNOWN);
    }

    @Test
    void a_maximum_of_zero_runs_no_batch() throws Exception {
        SteadyWarmup warmup = new SteadyWarmup(new SteadyWarmup.Policy(0.05, Duration.ofSeconds(1), Duration.ZERO),
                System::nanoTime, () -> 0);

        assertThat(warmup.run(() -> {
            throw new AssertionError("no batch without a warm-up");
        }, (seconds, messages, share) -> { })).isEqualTo(SteadyWarmup.Outcome.NONE);
    }

    @Test
    void each_batch_is_about_a_second_at_the_rate_the_last_one_achieved_within_bounds() {
        assertThat(SteadyWarmup.Policy.nextBatch(157.4)).isEqualTo(157);
        assertThat(SteadyWarmup.Policy.nextBatch(0)).isEqualTo(SteadyWarmup.Policy.MIN_BATCH);
        assertThat(SteadyWarmup.Policy.nextBatch(1e6)).isEqualTo(SteadyWarmup.Policy.MAX_BATCH);
    }

    @Test
    void refuses_a_share_or_sample_that_is_not_positive() {
        assertThatThrownBy(() -> new SteadyWarmup.Policy(0, Duration.ofSeconds(1), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SteadyWarmup.Policy(0.05, Duration.ZERO, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_jit_compile_time_of_a_window_counts_from_its_start() {
        JitCompileTime.Span span = JitCompileTime.start();

        assertThat(JitCompileTime.monitored()).as("HotSpot reports compile time").isTrue();
        assertThat(span.millis()).isBetween(0.0, (double) JitCompileTime.totalMillis());
    }
}
