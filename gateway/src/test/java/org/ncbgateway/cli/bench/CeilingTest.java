package org.ncbgateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The ceiling's arithmetic: the lower of crypto and broker alone, and both sharing the same cores. */
class CeilingTest {

    private static final Offset<Double> EXACT = Offset.offset(1e-9);

    @Test
    void the_broker_bounds_when_it_is_the_slower_and_sharing_the_cores_bounds_lower_still() {
        BenchReport.Ceiling ceiling = BenchReport.Ceiling.of(600, 300, 150, "crypto work", "broker work", 12, 3);

        assertThat(ceiling.lowerPerSecond()).isEqualTo(300);
        assertThat(ceiling.limitedBy()).isEqualTo("broker");
        // 1/600 + 1/300 of a second per notice: 200 notices/s
        assertThat(ceiling.combinedPerSecond()).isCloseTo(200, EXACT);
        assertThat(ceiling.fraction()).isCloseTo(0.5, EXACT);
        assertThat(ceiling.fractionOfCombined()).isCloseTo(0.75, EXACT);
        assertThat(ceiling.cryptoWork()).isEqualTo("crypto work");
        assertThat(ceiling.brokerJitMillis()).isEqualTo(3);
    }

    @Test
    void crypto_bounds_when_it_is_the_slower() {
        BenchReport.Ceiling ceiling = BenchReport.Ceiling.of(100, 400, 40, "c", "b", 0, 0);

        assertThat(ceiling.limitedBy()).isEqualTo("crypto");
        assertThat(ceiling.lowerPerSecond()).isEqualTo(100);
        assertThat(ceiling.combinedPerSecond()).isCloseTo(80, EXACT);
        assertThat(ceiling.fraction()).isCloseTo(0.4, EXACT);
        assertThat(ceiling.fractionOfCombined()).isCloseTo(0.5, EXACT);
    }

    @Test
    void refuses_a_ceiling_that_is_not_a_positive_rate() {
        assertThatThrownBy(() -> BenchReport.Ceiling.of(0, 400, 40, "c", "b", 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crypto 0.0");
        assertThatThrownBy(() -> BenchReport.Ceiling.of(100, Double.NaN, 40, "c", "b", 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
