package org.ncbgateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ncbgateway.testing.ExampleFederation;

class BenchTransportCommandTest {

    private final BenchCli cli = new BenchCli();

    @Test
    void reports_messages_per_second_through_the_bridge_of_two_example_nodes() {
        assertThat(cli.run("transport", "--federation", ExampleFederation.dir().toString(), "--count", "20",
                "--threads", "2")).isEqualTo(0);
        assertThat(cli.out()).startsWith("ncb bench transport: FR ncb.out.DE -> TLS 1.3 core bridge -> DE ncb.in")
                .containsPattern("2 KB x +20: +[0-9]+ msgs/s end to end")
                .containsPattern("200 KB x +2: +[0-9]+ msgs/s end to end");
    }

    @Test
    void refuses_a_folder_without_the_two_nodes() {
        assertThat(cli.run("transport", "--federation", Path.of("no-such-federation").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("no nodes/FR and nodes/DE folders");
    }
}
