package org.ncbgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.directory.DirectoryStore;
import org.ncbgateway.directory.DirectoryVerifier;
import org.ncbgateway.testing.ExampleFederation;
import picocli.CommandLine;

/** {@code ncb directory verify} and {@code show} over the example federation. */
class DirectoryCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final String root = ExampleFederation.rootPem().toString();
    private final String signed = ExampleFederation.signedDirectoryFile().toString();

    @Test
    void verify_accepts_the_example_directory() {
        assertThat(run("directory", "verify", "--root", root, signed)).isZero();
        assertThat(out.toString()).contains("valid directory version 2").contains("22 nodes");
    }

    @Test
    void verify_refuses_what_is_not_newer_than_the_directory_in_force_at_a_node() throws Exception {
        new DirectoryStore(temp, new DirectoryVerifier(ExampleFederation.root()))
                .apply(ExampleFederation.signedDirectory(), Instant.now());
        assertThat(run("directory", "verify", "--root", root, "--data", temp.toString(), signed)).isEqualTo(1);
        assertThat(err.toString()).contains("NOT_NEWER");
    }

    @Test
    void verify_refuses_a_directory_under_another_root() throws Exception {
        Path otherRoot = temp.resolve("other-root.pem");
        Files.copy(ExampleFederation.layout().node("FR").resolve("signing.pem"), otherRoot);
        assertThat(run("directory", "verify", "--root", otherRoot.toString(), signed)).isEqualTo(1);
        assertThat(err.toString()).contains("NOT_SIGNED_BY_ROOT").doesNotContain("Exception");
    }

    @Test
    void show_prints_every_node_of_a_signed_directory() {
        assertThat(run("directory", "show", "--root", root, signed)).isZero();
        assertThat(out.toString()).contains("1 revoked certificate(s)")
                .containsPattern("DE +bureau +EUROPE +HUB-EUROPE +127\\.0\\.0\\.1:61711 +rsa")
                .containsPattern("HUB-AMERICAS +hub +AMERICAS");
    }

    @Test
    void show_requires_the_root_for_a_signed_directory_and_names_a_missing_file() {
        assertThat(run("directory", "show", signed)).isEqualTo(1);
        assertThat(err.toString()).contains("give --root");
        assertThat(run("directory", "show", temp.resolve("absent.p7s").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("absent.p7s: no such file");
    }

    private int run(String... arguments) {
        CommandLine commandLine = Ncb.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(arguments);
    }
}
