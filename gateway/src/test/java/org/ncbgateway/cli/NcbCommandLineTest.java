package org.ncbgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NcbCommandLineTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = Ncb.commandLine();
        cmd.setErr(new PrintWriter(err));
        cmd.setOut(new PrintWriter(new StringWriter()));
        return cmd.execute(args);
    }

    @Test
    void missing_verb_is_a_usage_error_with_exit_2() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("a verb is required");
    }

    @Test
    void unknown_verb_is_a_usage_error() {
        assertThat(run("no-such-verb")).isEqualTo(2);
        assertThat(err.toString()).contains("no-such-verb");
    }
}
