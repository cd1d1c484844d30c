package org.ncbgateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ncbgateway.testing.ExampleFederation;
import picocli.CommandLine;

class BenchTransportCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new BenchCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void reports_messages_per_second_through_the_bridge_of_two_example_nodes() {
        assertThat(run("transport", "--federation", ExampleFederation.dir().toString(), "--count", "20",
                "--threads", "2")).isEqualTo(0);
        assertThat(out.toString()).startsWith("ncb bench transport: FR ncb.out.DE -> TLS 1.3 core bridge -> DE ncb.in")
                .containsPattern("2 KB x +20: +[0-9]+ msgs/s end to end")
                .containsPattern("200 KB x +2: +[0-9]+ msgs/s end to end");
    }

    @Test
    void refuses_a_folder_without_the_two_nodes() {
        assertThat(run("transport", "--federation", Path.of("no-such-federation").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no nodes/FR and nodes/DE folders");
    }
}
