package org.ncbgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.cli.NcbTestAccess;
import org.ncbgateway.gateway.LocalFederation;
import org.ncbgateway.gateway.RecipientState;
import org.ncbgateway.gateway.Submission;
import org.ncbgateway.gateway.SubmissionFile;
import org.ncbgateway.message.Priority;
import org.ncbgateway.testing.ExampleFederation;

/** The running gateway's logs: sealed, witnessed by the hub over the brokers, and verified by `ncb audit verify`. */
class GatewayLogAuditTest {

    @TempDir
    Path work;

    @Test
    void logs_of_a_running_federation_verify_with_seals_witnesses_and_every_sent_received() throws Exception {
        UUID id = UUID.randomUUID();
        try (LocalFederation federation = LocalFederation.prepare(ExampleFederation.dir(), work,
                List.of("FR", "DE", "HUB-EUROPE"), Clock.systemUTC())) {
            federation.startAll();
            Submission diffusion = SubmissionFile.readPayload(validDiffusion(), "diffusion", id, List.of("DE"),
                    List.of(), Priority.NORMAL, Optional.empty());
            federation.node("FR").submit(diffusion);
            await().atMost(Duration.ofSeconds(60)).until(() -> federation.node("FR").machinery().status()
                    .find(id).map(s -> s.count(RecipientState.DELIVERED) == 1).orElse(false));
            for (String bureau : List.of("FR", "DE")) {
                long sealed = federation.node(bureau).machinery().sealer().seal().statement().sealedSeq();
                Path log = work.resolve(bureau + "/data/log");
                await().atMost(Duration.ofSeconds(60)).until(() -> MessageLogTest.readAll(log).stream()
                        .anyMatch(e -> e.type() == EntryType.WITNESS && e.meta().sealedSeq() == sealed));
            }
        }
        Path fr = work.resolve("FR/data/log");
        Path de = work.resolve("DE/data/log");
        Path hub = work.resolve("HUB-EUROPE/data/log");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = NcbTestAccess.execute(new PrintWriter(out), new PrintWriter(err), "audit", "verify",
                fr.toString(), de.toString(), hub.toString(), "--root", ExampleFederation.rootPem().toString(),
                "--directories", ExampleFederation.dir().toString(),
                "--json", work.resolve("report.json").toString(), "--html", work.resolve("report.html").toString());

        assertThat(status).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("verified: no findings")
                .contains("2 sent or relayed message(s) received at the next hop");
        AuditReport report = AuditReport.verify(new LogVerifier(TrustedSigners.under(ExampleFederation.trust()),
                new WireMessageCheck(ExampleFederation.trust())), List.of(fr, de, hub));
        assertThat(report.logs().get(0).seals()).isPositive();
        assertThat(report.logs().get(0).witnesses()).as("FR's seal countersigned by HUB-EUROPE over the brokers").isPositive();
        assertThat(report.logs().get(2).witnessed()).extracting(WitnessedHead::node).contains("FR", "DE");
    }

    private static byte[] validDiffusion() throws java.io.IOException {
        return java.nio.file.Files.readAllBytes(ExampleFederation.repositoryRoot()
                .resolve("schemas/examples/valid/diffusion-ftf-wanted.json"));
    }
}
