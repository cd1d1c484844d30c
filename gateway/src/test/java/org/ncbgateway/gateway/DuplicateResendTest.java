package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.crypto.MessageSealer;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.testing.PeerClients;
import org.ncbgateway.transport.Addresses;


/** A copy of an accepted message, resent by an outside JMS client, is never delivered twice. */
class DuplicateResendTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path work;
    LocalFederation federation;
    GatewayNode de;
    ConnectionFactory asFR;
    byte[] wire;
    UUID messageId;

    @BeforeEach
    void DE_has_delivered_one_message_from_FR() throws Exception {
        federation = LocalFederation.prepare(ExampleFederation.dir(), work, List.of("DE"), Clock.systemUTC());
        de = federation.start("DE");
        asFR = PeerClients.as("FR", federation.config("DE").brokerListen().orElseThrow());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        messageId = UUID.randomUUID();
        MessageHeader header = new MessageHeader(messageId, MessageKind.DIFFUSION, "FR", List.of("DE"), List.of(),
                now, now.plus(1, ChronoUnit.DAYS), null, Priority.NORMAL);
        wire = new MessageSealer(ExampleFederation.credentials("FR")).seal(header, GatewayFixtures.validDiffusion(),
                List.of(ExampleFederation.certificate("DE", KeyPurpose.ENCRYPTION)));

        PeerClients.send(asFR, Addresses.IN, wire, messageId.toString());
        await().atMost(PATIENCE).until(() -> de.broker().messageCount(Addresses.DELIVER) == 1);
    }

    @AfterEach
    void stop() throws Exception {
        federation.close();
    }

    @Test
    void a_resend_with_the_same_duplicate_id_is_dropped_by_the_broker() throws Exception {
        PeerClients.send(asFR, Addresses.IN, wire, messageId.toString());
        // a marker sent after it: once the marker is handled, the resend has been through too
        sendAndAwaitMarker();

        assertThat(de.broker().messageCount(Addresses.DELIVER)).isEqualTo(2);
        assertThat(de.machinery().inbound().duplicates()).isZero();
    }

    @Test
    void a_resend_under_another_duplicate_id_passes_the_broker_and_is_dropped_by_the_gateway_and_counted()
            throws Exception {
        PeerClients.send(asFR, Addresses.IN, wire, UUID.randomUUID().toString());

        await().atMost(PATIENCE).until(() -> de.machinery().inbound().duplicates() == 1);
        sendAndAwaitMarker();
        assertThat(de.broker().messageCount(Addresses.DELIVER)).isEqualTo(2);
        assertThat(de.broker().messageCount(Addresses.DLQ)).isZero();
    }

    private void sendAndAwaitMarker() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID marker = UUID.randomUUID();
        MessageHeader header = new MessageHeader(marker, MessageKind.DIFFUSION, "FR", List.of("DE"), List.of(),
                now, now.plus(1, ChronoUnit.DAYS), null, Priority.NORMAL);
        byte[] markerWire = new MessageSealer(ExampleFederation.credentials("FR")).seal(header,
                GatewayFixtures.validDiffusion(), List.of(ExampleFederation.certificate("DE", KeyPurpose.ENCRYPTION)));
        PeerClients.send(asFR, Addresses.IN, markerWire, marker.toString());
        await().atMost(PATIENCE).until(() -> de.broker().messageCount(Addresses.DELIVER) >= 2);
    }
}
