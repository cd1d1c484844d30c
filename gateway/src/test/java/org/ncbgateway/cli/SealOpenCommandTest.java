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

/** `ncb seal` and `ncb open` on the example federation, as an operator runs them. */
class SealOpenCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final String federation = ExampleFederation.dir().toString();
    private final Path diffusion = ExampleFederation.repositoryRoot()
            .resolve("schemas/examples/valid/diffusion-ftf-wanted.json");

    @Test
    void a_bureau_opens_what_another_sealed_for_it_and_sees_every_check_passed() throws Exception {
        Path msg = temp.resolve("msg.der");
        assertThat(run("seal", "--federation", federation, "--as", "FR", "--to", "BE,DE", "--kind", "diffusion",
                diffusion.toString(), "-o", msg.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("for 2 recipient(s) [BE, DE]");

        assertThat(run("open", "--federation", federation, "--as", "DE", msg.toString())).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("kind diffusion, from FR, to [BE, DE]")
                .contains("ok    outer signature valid")
                .contains("ok    payload kind equals header.kind")
                .contains("inner signer: FR")
                .contains("KARIMOV");
    }

    @Test
    void a_bureau_not_addressed_gets_the_reason_code_and_a_failing_exit_status() throws Exception {
        Path msg = temp.resolve("msg.der");
        assertThat(run("seal", "--federation", federation, "--as", "FR", "--to", "region:AFRICA", "--exclude", "NG",
                "--kind", "diffusion", diffusion.toString(), "-o", msg.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("[MA, TN]");

        assertThat(run("open", "--federation", federation, "--as", "NG", msg.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("ok    sender certificate").contains("FAIL  this node is addressed");
        assertThat(err.toString()).contains("rejected NOT_ADDRESSED");
    }

    @Test
    void a_flipped_byte_is_an_invalid_outer_signature() throws Exception {
        Path msg = temp.resolve("msg.der");
        run("seal", "--federation", federation, "--as", "FR", "--to", "BE", "--kind", "diffusion",
                diffusion.toString(), "-o", msg.toString());
        byte[] wire = Files.readAllBytes(msg);
        wire[wire.length / 2] ^= 0x01;
        Files.write(msg, wire);

        assertThat(run("open", "--federation", federation, "--as", "BE", msg.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("rejected SIGNATURE_INVALID");
    }

    @Test
    void seal_refuses_a_payload_of_another_kind_and_writes_nothing() {
        Path msg = temp.resolve("msg.der");
        assertThat(run("seal", "--federation", federation, "--as", "FR", "--to", "BE", "--kind", "notice",
                diffusion.toString(), "-o", msg.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("/kind").contains("--kind");
        assertThat(msg).doesNotExist();
    }

    @Test
    void seal_names_an_addressee_that_is_not_in_the_directory() {
        Path msg = temp.resolve("msg.der");
        assertThat(run("seal", "--federation", federation, "--as", "FR", "--to", "XX", "--kind", "diffusion",
                diffusion.toString(), "-o", msg.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("--to").contains("XX");
        assertThat(msg).doesNotExist();
    }

    private int run(String... arguments) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine commandLine = Ncb.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(arguments);
    }
}
