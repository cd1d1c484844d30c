package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.testing.PeerClients;
import org.ncbgateway.transport.Addresses;
import org.ncbgateway.transport.Endpoint;
import org.slf4j.LoggerFactory;

/**
 * FR and BE, linked directly, exchange over mutual TLS; then a {@code directory-update} revokes BE's TLS
 * certificate and FR puts it in force. Without a restart, FR closes the links open with BE's certificate
 * (BE's bridge to FR's acceptor, FR's bridge to BE's), refuses every new handshake with it in both
 * directions, and logs each refusal with the node, the peer and the reason.
 */
class TlsRevocationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> LOGGERS = List.of("org.ncbgateway.transport.RevocationTrustManager",
            "org.ncbgateway.transport.RevokedLinks");

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureTransportLog() {
        logged.start();
        LOGGERS.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).addAppender(logged));
    }

    @AfterEach
    void releaseTransportLog() {
        LOGGERS.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).detachAppender(logged));
    }

    @Test
    void a_directory_update_revoking_BE_s_tls_certificate_closes_and_refuses_its_links(@TempDir Path work)
            throws Exception {
        try (PartialFederation running = PartialFederation.start(work, List.of("FR", "BE"))) {
            LocalFederation federation = running.federation();
            GatewayNode fr = federation.node("FR");
            Endpoint frAcceptor = federation.config("FR").brokerListen().orElseThrow();
            // both links are open: the diffusion crosses FR's bridge, BE's receipt comes back over BE's
            GatewayFixtures.diffusionDeliveredFromFr(federation, "BE", PATIENCE);
            assertThat(tlsLines()).noneMatch(line -> line.contains("peer=BE"));

            long version = fr.machinery().directory().version();
            byte[] revoking = DirectoryUpdateFixtures.signedDirectory(ExampleFederation.copyTo(work.resolve("root")),
                    version + 1, ExampleFederation.certificate("BE", KeyPurpose.TLS));
            DirectoryUpdateFixtures.sendUpdate(PeerClients.as("HUB-EUROPE", frAcceptor), revoking, version + 1, "FR");
            await().atMost(PATIENCE).until(() -> fr.machinery().directory().version() == version + 1);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(tlsLines())
                    .anyMatch(line -> line.startsWith("event=tls-link-closed node=FR peer=BE direction=inbound"))
                    .anyMatch(line -> line.startsWith("event=tls-link-closed node=FR peer=BE direction=outbound"))
                    .anyMatch(line -> line.startsWith("event=tls-refused node=FR peer=BE direction=inbound")
                            && line.contains("is revoked since") && line.contains("directory version " + (version + 1)))
                    .anyMatch(line -> line.startsWith("event=tls-refused node=FR peer=BE direction=outbound")));
            assertThatThrownBy(() -> connectAs("BE", frAcceptor)).isInstanceOf(JMSException.class);
            connectAs("HUB-EUROPE", frAcceptor);

            // what FR sends BE now waits at FR: no link carries it
            fr.submit(HubFixtures.diffusion("FR", List.of("BE"), List.of()));
            await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
                    .until(() -> fr.broker().messageCount(Addresses.out("BE")) == 1);
        }
    }

    /**
     * One attempt, no reconnection. With TLS 1.3 the client's side of the handshake ends before FR checks
     * the client certificate, so the refusal reaches the client as a failed first call, after its call timeout.
     */
    private static void connectAs(String code, Endpoint target) throws Exception {
        ActiveMQConnectionFactory factory = (ActiveMQConnectionFactory) PeerClients.as(code, target);
        factory.setReconnectAttempts(0);
        factory.setCallTimeout(5_000);
        try (Connection connection = factory.createConnection()) {
            connection.start();
        }
    }

    private List<String> tlsLines() {
        return List.copyOf(logged.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
