package org.ncbgateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    private final LatencyRecorder recorder = new LatencyRecorder();

    @Test
    void takes_percentiles_by_nearest_rank_in_milliseconds() {
        for (int millis = 100; millis >= 1; millis--) {
            recorder.record(millis * 1_000_000L);
        }
        LatencyRecorder.Summary summary = recorder.summary();
        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isEqualTo(50.0);
        assertThat(summary.p95()).isEqualTo(95.0);
        assertThat(summary.p99()).isEqualTo(99.0);
        assertThat(summary.max()).isEqualTo(100.0);
    }

    @Test
    void a_single_stall_among_a_hundred_shows_in_the_maximum_but_not_in_p99() {
        for (int i = 0; i < 99; i++) {
            recorder.record(2_000_000L);
        }
        recorder.record(900_000_000L);
        assertThat(recorder.summary().p99()).isEqualTo(2.0);
        assertThat(recorder.summary().max()).isEqualTo(900.0);
        recorder.record(900_000_000L);
        assertThat(recorder.summary().p99()).isEqualTo(900.0);
    }

    @Test
    void keeps_every_sample_past_its_first_capacity() {
        for (int i = 1; i <= 5000; i++) {
            recorder.record(i * 1000L);
        }
        assertThat(recorder.count()).isEqualTo(5000);
        assertThat(recorder.summary().max()).isEqualTo(5.0);
        assertThat(recorder.summary().p50()).isEqualTo(2.5);
    }

    @Test
    void an_empty_run_has_zero_percentiles() {
        assertThat(recorder.summary()).isEqualTo(new LatencyRecorder.Summary(0, 0, 0, 0, 0));
    }

    @Test
    void refuses_a_negative_latency() {
        assertThatThrownBy(() -> recorder.record(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1 ns");
    }
}
