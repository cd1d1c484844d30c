package org.ncbgateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchValidateCommandTest {

    private final BenchCli cli = new BenchCli();

    @Test
    void reports_documents_per_second_for_the_bundled_2kb_notice() {
        assertThat(cli.run("validate", "--warmup", "0", "--seconds", "0.3")).isEqualTo(0);
        assertThat(cli.out()).startsWith("validate: bundled 2 KB red notice (")
                .containsPattern("[1-9][0-9,]* docs/s, [0-9,]+ docs per CPU-second");
    }

    @Test
    void refuses_to_measure_an_invalid_payload() {
        Path invalid = Path.of(System.getProperty("ncb.repo.root", ".."),
                "schemas/examples/invalid/valid-until-beyond-five-years.json");
        assertThat(cli.run("validate", "--file", invalid.toString(), "--warmup", "0", "--seconds", "0.1")).isEqualTo(1);
        assertThat(cli.err()).contains("(valid-until-window)").contains("must be valid");
    }

    @Test
    void refuses_a_non_positive_duration() {
        assertThat(cli.run("validate", "--seconds", "0")).isEqualTo(2);
    }
}
