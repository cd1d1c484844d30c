package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.audit.EntryType;
import org.ncbgateway.audit.LogEntry;
import org.ncbgateway.audit.LogReader;
import org.ncbgateway.crypto.MessageSealer;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.testing.PeerClients;
import org.ncbgateway.transport.Addresses;
import org.ncbgateway.transport.MessageProperties;

/**
 * A bureau handed, on its own ncb.in, a message it sent itself to another bureau (an operator's replay into the
 * wrong node, a misrouted copy): refused as NOT_ADDRESSED at the first delivery, kept in ncb.dlq with the
 * reason, logged rejected once, and never answered, since a receipt to itself cannot be sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfSentMessageTest {

    private static final long WAIT_MILLIS = 60_000;

    private PartialFederation running;
    private GatewayNode fr;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        running = PartialFederation.start(work, List.of("FR"));
        fr = running.federation().node("FR");
    }

    @AfterAll
    void stop() throws Exception {
        running.close();
    }

    @Test
    void a_message_from_this_node_to_another_is_rejected_once_kept_with_its_reason_and_never_answered()
            throws Exception {
        UUID id = UUID.randomUUID();
        PeerClients.send(fr.broker().connectionFactory(), Addresses.IN, sealedByFrForDe(id), id.toString());

        Message dead = GatewayFixtures.receive(fr, Addresses.DLQ, WAIT_MILLIS);
        assertThat(dead).as("in ncb.dlq").isNotNull();
        assertThat(dead.getStringProperty(MessageProperties.REASON_CODE)).isEqualTo("NOT_ADDRESSED");
        assertThat(dead.getStringProperty(MessageProperties.REASON_DETAIL))
                .contains("node FR is not addressed", "its sender is this node itself");

        await().atMost(Duration.ofSeconds(20)).until(() -> fr.broker().messageCount(Addresses.IN) == 0);
        assertThat(logged(id)).extracting(LogEntry::type).as("rejected once, at its first delivery")
                .containsExactly(EntryType.REJECTED);
        assertThat(fr.broker().messageCount(Addresses.out("DE"))).as("no receipt").isZero();
        assertThat(fr.broker().messageCount(Addresses.out("HUB-EUROPE"))).as("no receipt").isZero();
    }

    private static byte[] sealedByFrForDe(UUID id) throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MessageHeader header = new MessageHeader(id, MessageKind.DIFFUSION, "FR", List.of("DE"), List.of(), now,
                now.plus(1, ChronoUnit.DAYS), null, Priority.NORMAL);
        return new MessageSealer(ExampleFederation.credentials("FR")).seal(header, GatewayFixtures.validDiffusion(),
                List.of(ExampleFederation.certificate("DE", KeyPurpose.ENCRYPTION)));
    }

    private List<LogEntry> logged(UUID id) throws IOException {
        List<LogEntry> entries = new ArrayList<>();
        LogReader.read(running.federation().config("FR").messageLogDir(), entry -> {
            if (id.toString().equals(entry.meta().messageId())) {
                entries.add(entry);
            }
            return true;
        });
        return entries;
    }
}
