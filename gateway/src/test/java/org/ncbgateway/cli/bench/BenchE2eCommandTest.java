package org.ncbgateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ncbgateway.testing.ExampleFederation;

class BenchE2eCommandTest {

    private final BenchCli cli = new BenchCli();

    @Test
    void warms_up_at_full_speed_then_says_how_long_the_jit_compiled_during_the_measured_window_and_deletes_its_data() {
        int status = cli.run("e2e", "--federation", ExampleFederation.dir().toString(), "--messages", "6",
                "--warmup", "2", "--warmup-seconds", "0.5", "--senders", "2");

        assertThat(status).as(cli.err()).isZero();
        assertThat(cli.out()).containsPattern("e2e: FR -> BE, 6 messages of [0-9]+ bytes")
                .containsPattern("e2e: the JIT compiled [0-9]+ ms during the measured [0-9.]+ s \\([0-9]+ ms per second\\);"
                        + " before it, 2 messages then [0-9.]+ s at full speed \\([1-9][0-9]* messages\\)");
        Matcher data = Pattern.compile("e2e: data of the run in (\\S+) \\(deleted at the end").matcher(cli.out());
        assertThat(data.find()).as(cli.out()).isTrue();
        assertThat(Path.of(data.group(1))).doesNotExist();
    }

    @Test
    void refuses_a_negative_warm_up_time_or_a_share_that_is_not_positive() {
        assertThat(cli.run("e2e", "--warmup-seconds", "-1")).isEqualTo(2);
        assertThat(cli.run("e2e", "--jit-settled", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--warmup and --warmup-seconds not negative");
    }
}
