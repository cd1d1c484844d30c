package org.ncbgateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.testing.ExampleFederation;

class BenchTransportCommandTest {

    private final BenchCli cli = new BenchCli();

    @Test
    void reports_messages_per_second_through_the_bridge_of_two_example_nodes_and_keeps_its_data_in_the_folder_given(
            @TempDir Path runs) throws IOException {
        assertThat(cli.run("transport", "--federation", ExampleFederation.dir().toString(), "--count", "20",
                "--threads", "2", "--data", runs.toString())).isEqualTo(0);
        assertThat(cli.out()).startsWith("ncb bench transport: FR ncb.out.DE -> TLS 1.3 core bridge -> DE ncb.in")
                .containsPattern("2 KB x +20: +[0-9]+ msgs/s end to end")
                .containsPattern("200 KB x +2: +[0-9]+ msgs/s end to end");
        try (Stream<Path> kept = Files.list(runs)) {
            assertThat(kept.toList()).singleElement()
                    .satisfies(run -> assertThat(run.getFileName().toString()).startsWith("ncb-bench-transport-"))
                    .satisfies(run -> assertThat(run.resolve("FR")).isDirectory());
        }
    }

    @Test
    void refuses_a_folder_without_the_two_nodes() {
        assertThat(cli.run("transport", "--federation", Path.of("no-such-federation").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("no nodes/FR and nodes/DE folders");
    }
}
