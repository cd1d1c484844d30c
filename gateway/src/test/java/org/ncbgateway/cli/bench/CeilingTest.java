package org.ncbgateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The ceiling's arithmetic: each part alone, and both sharing the same cores by the CPU each spends. */
class CeilingTest {

    private static final Offset<Double> EXACT = Offset.offset(1e-9);

    private static BenchReport.Part part(double perSecond, double cpuMicros) {
        return new BenchReport.Part(perSecond, cpuMicros, perSecond * cpuMicros / 1e6, "work", 0);
    }

    @Test
    void parts_that_keep_both_cores_busy_share_them_as_one_over_the_sum_of_their_inverses() {
        // 600/s at 3333 us and 300/s at 6667 us: each keeps 2 cores busy
        BenchReport.Ceiling ceiling = BenchReport.Ceiling.of(part(600, 2e6 / 600), part(300, 2e6 / 300), 2, 150);

        assertThat(ceiling.lowerPerSecond()).isEqualTo(300);
        assertThat(ceiling.limitedBy()).isEqualTo("broker");
        assertThat(ceiling.combinedPerSecond()).isCloseTo(1 / (1 / 600.0 + 1 / 300.0), EXACT);
        assertThat(ceiling.fraction()).isCloseTo(0.75, EXACT);
        assertThat(ceiling.fractionOfLower()).isCloseTo(0.5, EXACT);
    }

    @Test
    void a_part_that_waits_leaves_the_cores_to_the_other_so_the_combined_ceiling_is_higher() {
        // the broker does 600/s on half a core: it waits on the disk, and the crypto can use the rest
        BenchReport.Ceiling waiting = BenchReport.Ceiling.of(part(300, 2e6 / 300), part(600, 0.5e6 / 600), 2, 150);

        assertThat(waiting.combinedPerSecond()).isCloseTo(2e6 / (2e6 / 300 + 0.5e6 / 600), EXACT)
                .isGreaterThan(1 / (1 / 600.0 + 1 / 300.0)).isLessThan(300);
        assertThat(waiting.fraction()).isCloseTo(150 / waiting.combinedPerSecond(), EXACT);
    }

    @Test
    void the_combined_ceiling_is_never_above_the_slower_part_alone() {
        // both parts nearly idle: the cores would allow 4000/s, the broker alone does 300
        BenchReport.Ceiling idle = BenchReport.Ceiling.of(part(600, 250), part(300, 250), 2, 150);

        assertThat(idle.combinedPerSecond()).isEqualTo(300);
        assertThat(idle.fraction()).isCloseTo(0.5, EXACT);
    }

    @Test
    void crypto_bounds_when_it_is_the_slower() {
        BenchReport.Ceiling ceiling = BenchReport.Ceiling.of(part(100, 2e4), part(400, 5e3), 2, 40);

        assertThat(ceiling.limitedBy()).isEqualTo("crypto");
        assertThat(ceiling.lowerPerSecond()).isEqualTo(100);
        assertThat(ceiling.combinedPerSecond()).isCloseTo(80, EXACT);
        assertThat(ceiling.fraction()).isCloseTo(0.5, EXACT);
    }

    @Test
    void refuses_a_ceiling_without_a_positive_rate_or_without_the_cpu_of_each_part() {
        assertThatThrownBy(() -> BenchReport.Ceiling.of(part(0, 1), part(400, 1), 2, 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crypto 0.0");
        assertThatThrownBy(() -> BenchReport.Ceiling.of(part(100, 1), part(Double.NaN, 1), 2, 40))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchReport.Ceiling.of(part(100, 1), part(400, 0), 2, 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broker 0.0 us");
    }
}
