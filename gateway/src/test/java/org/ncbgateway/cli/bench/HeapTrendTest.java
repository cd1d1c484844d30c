package org.ncbgateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class HeapTrendTest {

    /** 20 slices of 30 s at 75 notices/s, the heap after GC given by the slice's number. */
    private static List<BenchReport.SoakPoint> soak(IntToDoubleFunction heapMb) {
        List<BenchReport.SoakPoint> points = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            points.add(new BenchReport.SoakPoint(30.0 * i, heapMb.applyAsDouble(i), 10_000 + 2_250L * i, 75, 40));
        }
        return points;
    }

    @Test
    void a_heap_that_gains_the_same_per_slice_grows_by_that_per_notice_and_per_hour() {
        // 0.27 KB a notice: 2,250 notices a slice
        double mbPerSlice = 0.27 * 2_250 / 1024;
        HeapTrend trend = HeapTrend.of(soak(i -> 412.5 + mbPerSlice * (i - 1) + (i % 2 == 0 ? 0.05 : -0.05)));

        assertThat(trend.kbPerNotice()).isCloseTo(0.27, within(0.005));
        assertThat(trend.mbPerHour()).isCloseTo(mbPerSlice * 120, within(0.5));
        assertThat(trend.firstMb()).isCloseTo(412.45, within(1e-9));
        assertThat(trend.slices()).isEqualTo(20);
        assertThat(trend.flat()).isFalse();
    }

    @Test
    void a_heap_that_only_scatters_around_a_level_is_flat() {
        HeapTrend trend = HeapTrend.of(soak(i -> 412.5 + new double[] {0.8, -0.6, 0.1, -0.9, 0.5}[i % 5]));

        assertThat(trend.flat()).isTrue();
        assertThat(Math.abs(trend.kbPerNotice())).isLessThanOrEqualTo(2 * trend.kbPerNoticeError());
        assertThat(trend.lastMb()).isCloseTo(412.5 + 0.8, within(1e-9));
    }

    @Test
    void a_soak_of_two_slices_has_no_trend() {
        assertThatThrownBy(() -> HeapTrend.of(soak(i -> 400).subList(0, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 slices or more");
    }
}
