package org.ncbgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ncbgateway.testing.ExampleFederation;
import picocli.CommandLine;

class DemoCommandTest {

    private static final Pattern DATA = Pattern.compile("data in (\\S+)");

    @Test
    void the_demo_succeeds_twice_each_time_on_fresh_data() {
        String first = demo();
        String second = demo();

        assertThat(dataFolder(first)).isNotEqualTo(dataFolder(second));
        for (String run : new String[] {first, second}) {
            assertThat(run).contains("FR sends diffusion", "FR sends update", "DE sends hit", "FR sends cancellation")
                    .containsPattern("DE +delivered +<- +FR +diffusion")
                    .containsPattern("FR +receipt +<- +BE +receipt for diffusion FR-[0-9]{4}-000123 .* \\(delivered\\)")
                    .contains("OK: every addressee received exactly what was addressed to it");
        }
    }

    private static String demo() {
        StringWriter out = new StringWriter();
        CommandLine cli = Ncb.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));

        int status = cli.execute("demo", "--federation", ExampleFederation.dir().toString());

        assertThat(status).as(out.toString()).isZero();
        return out.toString();
    }

    private static String dataFolder(String output) {
        Matcher matcher = DATA.matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return matcher.group(1);
    }
}
