package org.ncbgateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ncbgateway.testing.ExampleFederation;

class BenchPkiCommandTest {

    private final BenchCli cli = new BenchCli();

    @Test
    void reports_a_rate_for_every_operation_over_the_example_federation() {
        int status = cli.run("pki", "--federation", ExampleFederation.dir().toString(), "--seconds", "0.1", "--warmup", "0");
        assertThat(status).as(cli.err()).isZero();
        assertThat(cli.out())
                .containsPattern("trust check, FR \\(EC\\) signing cert, cached +[1-9][0-9]* +[1-9]")
                .containsPattern("trust check, first sight \\(root signature\\) +[0-9]+ +[1-9]")
                .containsPattern("directory verify \\([0-9]+ bytes\\) +[0-9]+ +[1-9]");
    }

    @Test
    void names_a_folder_that_is_not_a_federation() {
        assertThat(cli.run("pki", "--federation", "no-such-federation")).isEqualTo(1);
        assertThat(cli.err()).contains("no-such-federation").contains("no such file");
    }
}
