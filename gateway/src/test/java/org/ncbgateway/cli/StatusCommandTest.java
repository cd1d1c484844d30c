package org.ncbgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.gateway.DeliveryStatusStore;
import org.ncbgateway.gateway.NodeConfigLoader;
import org.ncbgateway.gateway.ReceiptOutcome;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.ReasonCode;
import picocli.CommandLine;

class StatusCommandTest {

    private static final Instant T0 = Instant.parse("2026-11-29T04:00:00Z");
    /** Still ahead when the test runs: ncb status --pending leaves out what expired a day ago. */
    private static final Instant EXPIRES = Instant.now().plus(Duration.ofDays(7));

    @TempDir
    Path dir;
    Path config;
    final UUID sent = UUID.randomUUID();
    final UUID answered = UUID.randomUUID();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void node_with_two_sent_messages() throws IOException {
        config = dir.resolve("fr.properties");
        Files.writeString(config, "node.code=FR\nfederation.dir=fed\ndata.dir=data\nbroker.listen=127.0.0.1:61617\n");
        try (DeliveryStatusStore store = DeliveryStatusStore.open(NodeConfigLoader.load(config).statusFile())) {
            store.recordSent(sent, MessageKind.DIFFUSION, "FR-2026-000001", List.of("DE", "BE"), T0, EXPIRES);
            store.recordReceipt(sent, "BE", ReceiptOutcome.rejected(ReasonCode.SEMANTIC_INVALID,
                    "/subjects/0/dateOfBirth: not a calendar date"), T0.plusSeconds(3));
            store.recordSent(answered, MessageKind.HIT, "FR-2026-000002", List.of("DE"), T0, EXPIRES);
            store.recordReceipt(answered, "DE", ReceiptOutcome.delivered(), T0.plusSeconds(1));
        }
    }

    private int run(String... args) {
        CommandLine cli = Ncb.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void shows_each_recipient_of_a_message_with_the_rejection_reason() {
        assertThat(run("status", "--config", config.toString(), sent.toString())).isZero();

        assertThat(out.toString()).contains("kind     diffusion  FR-2026-000001")
                .containsPattern("DE +pending +2026-11-29T04:00:00Z")
                .containsPattern("BE +rejected +2026-11-29T04:00:03Z +SEMANTIC_INVALID: /subjects/0/dateOfBirth");
    }

    @Test
    void lists_only_messages_still_awaiting_a_receipt() {
        assertThat(run("status", "--config", config.toString(), "--pending")).isZero();

        assertThat(out.toString()).contains(sent.toString()).doesNotContain(answered.toString())
                .containsPattern("diffusion +FR-2026-000001 +2026-11-29T04:00:00Z +0 +1 +DE");
    }

    @Test
    void prints_json_on_request() {
        assertThat(run("status", "--config", config.toString(), "--json", answered.toString())).isZero();

        assertThat(out.toString()).contains("\"state\" : \"delivered\"").contains("\"recipient\" : \"DE\"");
    }

    @Test
    void finds_a_message_whose_status_a_rotation_moved_to_an_older_segment() throws IOException {
        Path status = NodeConfigLoader.load(config).statusFile();
        Files.move(status, status.resolveSibling(status.getFileName() + ".1"));
        UUID later = UUID.randomUUID();
        try (DeliveryStatusStore store = DeliveryStatusStore.open(status)) {
            store.recordSent(later, MessageKind.HIT, "FR-2026-000003", List.of("BE"), T0, EXPIRES);
        }

        assertThat(run("status", "--config", config.toString(), answered.toString())).isZero();
        assertThat(out.toString()).containsPattern("DE +delivered +2026-11-29T04:00:01Z");
        assertThat(run("status", "--config", config.toString(), "--pending")).isZero();
        assertThat(out.toString()).contains(later.toString());
    }

    @Test
    void an_unknown_message_exits_1_and_says_so() {
        UUID unknown = UUID.randomUUID();
        assertThat(run("status", "--config", config.toString(), unknown.toString())).isEqualTo(1);

        assertThat(err.toString()).contains("FR has sent no message " + unknown);
    }

    @Test
    void a_bad_configuration_exits_2_naming_the_file() throws IOException {
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "node.code=FR\n");

        assertThat(run("status", "--config", bad.toString(), "--pending")).isEqualTo(2);
        assertThat(err.toString()).contains(bad.toString()).contains("federation.dir is required");
    }
}
