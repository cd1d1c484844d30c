package org.ncbgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The crypto benchmark runs end to end (figures themselves come from running it, not from tests). */
class BenchCryptoCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void prints_one_row_per_key_type_and_recipient_count() {
        int status = run("bench", "crypto", "--keys", "ec", "--recipients", "1,3", "--seconds", "0.2", "--warmup", "0.2");

        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("(?m)^ec +1 +\\d+ +\\d+ +\\d+ +\\d+ +\\d+ +\\d+\\.\\d\\d +\\d+$")
                .containsPattern("(?m)^ec +3 +\\d+");
        assertThat(err.toString()).contains("seal ec 3").contains("open ec 3");
    }

    @Test
    void an_unknown_key_type_is_a_usage_error() {
        assertThat(run("bench", "crypto", "--keys", "dsa")).isEqualTo(2);
        assertThat(err.toString()).contains("--keys: unknown key type 'dsa'");
        assertThat(out.toString()).isEmpty();
    }

    private int run(String... arguments) {
        CommandLine commandLine = Ncb.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(arguments);
    }
}
