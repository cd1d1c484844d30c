package org.ncbgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.cli.NcbTestAccess;
import org.ncbgateway.gateway.GatewayNode;
import org.ncbgateway.gateway.LocalFederation;
import org.ncbgateway.gateway.PartialFederation;
import org.ncbgateway.gateway.SubmissionFile;
import org.ncbgateway.message.Priority;
import org.ncbgateway.pki.NodeCredentials;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.testing.PeerClients;
import org.ncbgateway.transport.Addresses;
import org.ncbgateway.transport.MessageProperties;

/**
 * Witnessing between separately running nodes: FR and HUB-EUROPE each with its own gateway and broker on
 * loopback over mutual TLS, nothing wired in-process. FR's seals travel on its bridge to the hub, the hub's
 * countersignatures come back on the hub's bridge to FR; an auditor then checks both logs.
 */
class WitnessOverBrokerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String FR = "FR";
    private static final String HUB = "HUB-EUROPE";

    @TempDir
    Path work;

    @Test
    void fr_seal_comes_back_countersigned_by_its_hub_and_both_logs_verify() throws Exception {
        LogSealer.Seal seal;
        try (PartialFederation nodes = PartialFederation.start(work, List.of(FR, HUB))) {
            LocalFederation federation = nodes.federation();
            submitDiffusion(federation.node(FR));
            seal = federation.node(FR).machinery().sealer().seal();

            awaitWitnessed(seal);
            assertThat(entries(HUB, EntryType.WITNESSED)).anySatisfy(e -> {
                assertThat(e.meta().peer()).isEqualTo(FR);
                assertThat(e.meta().sealedSeq()).isEqualTo(seal.statement().sealedSeq());
            });
        }
        StringWriter out = new StringWriter();
        int status = verify(out, log(FR), log(HUB));

        assertThat(status).as(out.toString()).isZero();
        assertThat(out.toString()).contains("verified: no findings");
        AuditReport report = AuditReport.verify(new LogVerifier(TrustedSigners.under(ExampleFederation.trust()),
                new WireMessageCheck(ExampleFederation.trust())), List.of(log(FR), log(HUB)));
        assertThat(report.logs().get(0).witnesses()).isPositive();
        assertThat(report.logs().get(1).witnessed()).extracting(WitnessedHead::node).contains(FR);
    }

    @Test
    void seals_made_while_the_witness_is_down_are_countersigned_when_it_returns() throws Exception {
        try (PartialFederation nodes = PartialFederation.start(work, List.of(FR, HUB))) {
            LocalFederation federation = nodes.federation();
            federation.stop(HUB);
            GatewayNode fr = federation.node(FR);
            LogSealer.Seal first = fr.machinery().sealer().seal();
            submitDiffusion(fr);
            LogSealer.Seal second = fr.machinery().sealer().seal();
            assertThat(fr.broker().messageCount(Addresses.out(HUB))).as("both seals (and any interval seal) wait")
                    .isGreaterThanOrEqualTo(2);

            federation.start(HUB);

            awaitWitnessed(first);
            awaitWitnessed(second);
        }
        StringWriter out = new StringWriter();
        assertThat(verify(out, log(FR), log(HUB))).as(out.toString()).isZero();
    }

    @Test
    void a_seal_appended_but_not_sent_before_a_crash_is_sent_at_the_next_start_and_countersigned() throws Exception {
        LogSealer.Seal unsent;
        try (PartialFederation nodes = PartialFederation.start(work, List.of(FR, HUB))) {
            LocalFederation federation = nodes.federation();
            submitDiffusion(federation.node(FR));
            federation.stop(FR);
            // what a crash right after appending a seal leaves: the seal in the log, never handed to the broker
            NodeCredentials fr = ExampleFederation.credentials(FR);
            try (MessageLog log = MessageLog.open(log(FR), FR)) {
                unsent = new LogSealer(log, new StatementSigner(FR, fr.signingKey(), fr.signingCert()), null,
                        Clock.systemUTC()).seal();
            }

            federation.start(FR);

            awaitWitnessed(unsent);
            assertThat(entries(HUB, EntryType.WITNESSED)).anySatisfy(e -> {
                assertThat(e.meta().peer()).isEqualTo(FR);
                assertThat(e.meta().sealedSeq()).isEqualTo(unsent.statement().sealedSeq());
            });
            assertThat(deadLetters(federation.node(HUB))).as("nothing refused at the witness").isEmpty();
        }
        StringWriter out = new StringWriter();
        assertThat(verify(out, log(FR), log(HUB))).as(out.toString()).isZero();
    }

    @Test
    void an_owner_who_rewrote_and_resealed_its_log_is_caught_through_the_countersignature_it_got_over_the_broker()
            throws Exception {
        try (PartialFederation nodes = PartialFederation.start(work, List.of(FR, HUB))) {
            LocalFederation federation = nodes.federation();
            submitDiffusion(federation.node(FR));
            awaitWitnessed(federation.node(FR).machinery().sealer().seal());
            federation.stop(FR);
        }
        LogScenario.rewrite(log(FR), entries -> {
            List<EntryContent> kept = new ArrayList<>();
            for (EntryContent content : entries) {
                EntryMeta m = content.meta();
                if (m.type() == EntryType.SENT) {
                    kept.add(new EntryContent(new EntryMeta(m.type(), m.time(), m.node(), m.messageId(), m.kind(),
                            "BE", null, null, null, null), content.data()));
                } else if (m.type() != EntryType.SEAL && m.type() != EntryType.WITNESS) {
                    kept.add(content);
                }
            }
            return kept;
        });
        NodeCredentials owner = ExampleFederation.credentials(FR);
        try (MessageLog rewritten = MessageLog.open(log(FR), FR)) {
            new LogSealer(rewritten, new StatementSigner(FR, owner.signingKey(), owner.signingCert()), null,
                    Clock.systemUTC()).seal();
        }
        StringWriter alone = new StringWriter();
        assertThat(verify(alone, log(FR))).as("re-sealed, the log alone verifies: " + alone).isZero();

        StringWriter both = new StringWriter();
        assertThat(verify(both, log(FR), log(HUB))).isEqualTo(1);
        assertThat(both.toString()).contains("WITNESS_DISAGREES").contains("log rewritten after its seal")
                .contains(HUB);
    }

    @Test
    void the_hub_refuses_a_forged_seal_and_one_not_sent_by_its_node_and_keeps_them_in_its_dead_letter_queue()
            throws Exception {
        try (PartialFederation nodes = PartialFederation.start(work, List.of(FR, HUB))) {
            LocalFederation federation = nodes.federation();
            ConnectionFactory asDe = PeerClients.as("DE", federation.config(HUB).brokerListen().orElseThrow());
            SealStatement claim = new SealStatement(FR, 7, "ab".repeat(32), Instant.now());
            NodeCredentials de = ExampleFederation.credentials("DE");
            NodeCredentials fr = ExampleFederation.credentials(FR);
            byte[] signedByDe = new StatementSigner("DE", de.signingKey(), de.signingCert()).sign(claim.toJson());
            byte[] signedByFr = new StatementSigner(FR, fr.signingKey(), fr.signingCert()).sign(claim.toJson());

            sendSeal(asDe, signedByDe, "forged-" + UUID.randomUUID());
            sendSeal(asDe, signedByFr, "relayed-" + UUID.randomUUID());

            GatewayNode hub = federation.node(HUB);
            await().atMost(PATIENCE).until(() -> deadLetters(hub).size() == 2);
            assertThat(deadLetters(hub)).allSatisfy(m -> assertThat(m.getStringProperty(MessageProperties.REASON_CODE))
                    .isEqualTo(WitnessRefusedException.SEAL_REFUSED));
            assertThat(deadLetters(hub)).extracting(m -> m.getStringProperty(MessageProperties.REASON_DETAIL))
                    .containsExactlyInAnyOrder(
                            "seal of FR at seq 7 refused by HUB-EUROPE: signed by DE",
                            "seal of FR at seq 7 refused by HUB-EUROPE: sent by node DE, not by FR");
            assertThat(entries(HUB, EntryType.WITNESSED)).isEmpty();
        }
    }

    private static void sendSeal(ConnectionFactory factory, byte[] seal, String duplicateId) throws Exception {
        PeerClients.send(factory, Addresses.IN, seal, duplicateId,
                Map.of(MessageProperties.WITNESS, "seal", MessageProperties.FROM, FR));
    }

    private static List<Message> deadLetters(GatewayNode node) throws Exception {
        try (Connection connection = node.broker().connectionFactory().createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            QueueBrowser browser = session.createBrowser(session.createQueue(Addresses.DLQ));
            List<Message> messages = Collections.list(browser.getEnumeration()).stream()
                    .map(Message.class::cast).toList();
            return new ArrayList<>(messages);
        }
    }

    private static void submitDiffusion(GatewayNode node) throws Exception {
        byte[] payload = Files.readAllBytes(ExampleFederation.repositoryRoot()
                .resolve("schemas/examples/valid/diffusion-ftf-wanted.json"));
        node.submit(SubmissionFile.readPayload(payload, "diffusion", UUID.randomUUID(), List.of("DE"), List.of(),
                Priority.NORMAL, Optional.empty()));
    }

    private void awaitWitnessed(LogSealer.Seal seal) {
        await().atMost(PATIENCE).until(() -> entries(FR, EntryType.WITNESS).stream()
                .anyMatch(e -> e.meta().sealedSeq() == seal.statement().sealedSeq() && HUB.equals(e.meta().peer())));
    }

    private List<LogEntry> entries(String node, EntryType type) throws IOException {
        return MessageLogTest.readAll(log(node)).stream().filter(e -> e.type() == type).toList();
    }

    private Path log(String node) {
        return work.resolve(node).resolve("data/log");
    }

    private int verify(StringWriter out, Path... logs) {
        List<String> args = new ArrayList<>(List.of("audit", "verify"));
        for (Path log : logs) {
            args.add(log.toString());
        }
        args.addAll(List.of("--root", ExampleFederation.rootPem().toString(), "--directories",
                ExampleFederation.dir().toString(), "--json", work.resolve("report.json").toString(), "--html",
                work.resolve("report.html").toString()));
        StringWriter err = new StringWriter();
        int status = NcbTestAccess.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        out.append(err.toString());
        return status;
    }
}
