package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.cli.Ncb;
import org.ncbgateway.testing.ExampleFederation;
import picocli.CommandLine;

/** Two bureaus of the example federation, each with its own broker, exchanging over mutual TLS on loopback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectExchangeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    LocalFederation federation;

    @BeforeAll
    void start_FR_and_DE(@TempDir Path work) throws Exception {
        federation = LocalFederation.prepare(ExampleFederation.dir(), work, List.of("FR", "DE"), Clock.systemUTC());
        federation.startAll();
    }

    @AfterAll
    void stop() throws Exception {
        federation.close();
    }

    @Test
    void a_diffusion_reaches_its_addressee_and_the_issuer_sees_it_delivered() throws Exception {
        Submission diffusion = GatewayFixtures.diffusionDeliveredFromFrToDe(federation, PATIENCE);
    }

    @Test
    void ncb_send_submits_through_the_drop_folder_which_keeps_the_file_in_done() throws Exception {
        StringWriter out = new StringWriter();
        int status = cli(out).execute("send", "--config", federation.configFile("FR").toString(), "--to", "DE",
                "--kind", "diffusion", "--wait", "60",
                GatewayFixtures.examples().resolve("diffusion-ftf-wanted.json").toString());

        assertThat(status).as(out.toString()).isZero();
        String messageId = out.toString().substring(0, 36);
        await().atMost(PATIENCE).until(() -> Files.exists(federation.config("DE").deliveryDir()
                .resolve("FR-diffusion-" + messageId + ".json")));
        assertThat(federation.config("FR").dropDir().resolve("done").resolve(messageId + ".json")).isRegularFile();
    }

    @Test
    void a_submission_that_cannot_be_sent_moves_to_failed_with_its_reason() throws Exception {
        StringWriter out = new StringWriter();
        int status = cli(out).execute("send", "--config", federation.configFile("FR").toString(), "--to", "XX",
                "--wait", "60", GatewayFixtures.examples().resolve("hit.json").toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains("FR refused it").contains("'XX' is not a node of directory version");
        String messageId = out.toString().substring(0, 36);
        Path failed = federation.config("FR").dropDir().resolve("failed");
        assertThat(failed.resolve(messageId + ".json")).isRegularFile();
        assertThat(Files.readString(failed.resolve(messageId + ".json.reason"))).contains("to[0]").contains("XX");
    }

    @Test
    void ncb_send_refuses_an_invalid_payload_before_anything_is_submitted() throws Exception {
        Path invalid = Files.list(ExampleFederation.repositoryRoot().resolve("schemas/examples/invalid"))
                .filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expect.json")).sorted().findFirst().orElseThrow();
        StringWriter out = new StringWriter();

        int status = cli(out).execute("send", "--config", federation.configFile("FR").toString(), "--to", "DE",
                invalid.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains(invalid.toString()).contains("invalid payload");
    }

    private static CommandLine cli(StringWriter out) {
        CommandLine cli = Ncb.commandLine();
        PrintWriter writer = new PrintWriter(out, true);
        cli.setOut(writer);
        cli.setErr(writer);
        return cli;
    }
}
