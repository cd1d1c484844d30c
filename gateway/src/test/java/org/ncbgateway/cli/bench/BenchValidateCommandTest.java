package org.ncbgateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchValidateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new BenchCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void reports_documents_per_second_for_the_bundled_2kb_notice() {
        assertThat(run("validate", "--warmup", "0", "--seconds", "0.3")).isEqualTo(0);
        assertThat(out.toString()).startsWith("validate: bundled 2 KB red notice (")
                .containsPattern("[1-9][0-9,]* docs/s, [0-9,]+ docs per CPU-second");
    }

    @Test
    void refuses_to_measure_an_invalid_payload() {
        Path invalid = Path.of(System.getProperty("ncb.repo.root", ".."),
                "schemas/examples/invalid/valid-until-beyond-five-years.json");
        assertThat(run("validate", "--file", invalid.toString(), "--warmup", "0", "--seconds", "0.1")).isEqualTo(1);
        assertThat(err.toString()).contains("(valid-until-window)").contains("must be valid");
    }

    @Test
    void refuses_a_non_positive_duration() {
        assertThat(run("validate", "--seconds", "0")).isEqualTo(2);
    }
}
