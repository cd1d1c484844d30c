package org.ncbgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.testing.ExampleFederation;
import picocli.CommandLine;

class DirectoryRoutesCommandTest {

    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Ncb.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private String signedDirectory() {
        return ExampleFederation.signedDirectoryFile().toString();
    }

    @Test
    void prints_the_routing_table_of_a_bureau_from_the_signed_directory() {
        int status = run("directory", "routes", "--from", "FR", "--root", ExampleFederation.rootPem().toString(),
                signedDirectory());

        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("routes from FR, directory version")
                .containsPattern("(?m)^DE +DE +FR > DE \\(direct link\\)$")
                .containsPattern("(?m)^NG +HUB-EUROPE +FR > HUB-EUROPE > HUB-AFRICA > NG \\(through HUB-EUROPE, HUB-AFRICA\\)$")
                .containsPattern("(?m)^region:AFRICA +HUB-EUROPE +3 bureau\\(s\\), fanned out at the hubs: MA NG TN$")
                .containsPattern("(?m)^all +BE,DE,HUB-EUROPE +15 bureau\\(s\\)");
    }

    @Test
    void draws_the_topology_as_svg() throws Exception {
        Path svg = dir.resolve("federation.svg");
        int status = run("directory", "routes", "--from", "GS", "--root", ExampleFederation.rootPem().toString(),
                "--svg", svg.toString(), signedDirectory());

        assertThat(status).as(err.toString()).isZero();
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("id=\"node-HUB-AMERICAS\"")
                .contains("id=\"link-ES-MA\"").endsWith("</svg>\n");
    }

    @Test
    void names_an_unknown_node_without_a_stack_trace() {
        int status = run("directory", "routes", "--from", "XX", "--root", ExampleFederation.rootPem().toString(),
                signedDirectory());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("'XX' is not a node of directory version").doesNotContain("Exception");
    }

    @Test
    void refuses_a_signed_directory_without_the_root() {
        assertThat(run("directory", "routes", "--from", "FR", signedDirectory())).isEqualTo(1);
        assertThat(err.toString()).contains("give --root");
    }
}
