package org.ncbgateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.ncbgateway.testing.ExampleFederation;
import picocli.CommandLine;

class BenchPkiCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void reports_a_rate_for_every_operation_over_the_example_federation() {
        int status = run("--federation", ExampleFederation.dir().toString(), "--seconds", "0.1", "--warmup", "0");
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString())
                .containsPattern("trust check, FR \\(EC\\) signing cert, cached +[1-9][0-9]* +[1-9]")
                .containsPattern("trust check, first sight \\(root signature\\) +[0-9]+ +[1-9]")
                .containsPattern("directory verify \\([0-9]+ bytes\\) +[0-9]+ +[1-9]");
    }

    @Test
    void names_a_folder_that_is_not_a_federation() {
        assertThat(run("--federation", "no-such-federation")).isEqualTo(1);
        assertThat(err.toString()).contains("no-such-federation").contains("no such file");
    }

    private int run(String... arguments) {
        CommandLine commandLine = new CommandLine(new BenchPkiCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(arguments);
    }
}
