package org.ncbgateway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ncbgateway.testing.ExampleFederation;
import org.slf4j.LoggerFactory;

/**
 * What a federation peer may do on a node's broker, checked with a standard AMQP 1.0 JMS client
 * (Apache Qpid JMS) over TLS 1.3 with a client certificate: send to {@code ncb.in}, and nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerAccessTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private Path temp;
    private TestCertificates misissued;
    private TlsMaterial peer;
    private NodeBroker fr;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        temp = folder;
        misissued = TestCertificates.underExampleRoot(temp.resolve("misissued"));
        peer = TestNodes.exampleTls("DE");
        BrokerSettings settings = TestNodes.settings("FR", temp);
        fr = new NodeBroker(settings.withLimits(settings.limits().withMaxMessageBytes(MAX_MESSAGE_BYTES)));
        fr.start();
    }

    @AfterEach
    void emptyInbox() throws Exception {
        JmsHelper.drainIds(fr.connectionFactory(), Addresses.IN, Integer.MAX_VALUE, 100);
    }

    @AfterAll
    void stop() {
        fr.stop();
    }

    @Test
    void a_peer_may_send_to_the_inbox() throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection connection = amqp(peer)) {
            send(connection, Addresses.IN, id, 100);
        }
        assertThat(JmsHelper.drainIds(fr.connectionFactory(), Addresses.IN, 1, PATIENCE.toMillis())).containsExactly(id);
    }

    @Test
    void a_peer_is_logged_once_per_connection_not_once_per_message() throws Exception {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger security = (Logger) LoggerFactory.getLogger(CertificateSecurityManager.class);
        security.addAppender(logged);
        try {
            for (int connections = 0; connections < 2; connections++) {
                try (Connection connection = amqp(peer)) {
                    for (int messages = 0; messages < 3; messages++) {
                        send(connection, Addresses.IN, UUID.randomUUID().toString(), 100);
                    }
                }
            }
        } finally {
            security.detachAppender(logged);
        }
        assertThat(logged.list).filteredOn(event -> event.getFormattedMessage().startsWith("event=peer-authenticated"))
                .extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(2)
                .allMatch(line -> line.contains("node=FR peer=DE role=peer"));
    }

    @Test
    void a_duplicate_sent_by_a_plain_amqp_client_is_dropped() throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection connection = amqp(peer)) {
            send(connection, Addresses.IN, id, 100);
            send(connection, Addresses.IN, id, 100);
        }
        assertThat(fr.messageCount(Addresses.IN)).isEqualTo(1);
        assertThat(JmsHelper.drainIds(fr.connectionFactory(), Addresses.IN, Integer.MAX_VALUE, 500)).containsExactly(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {Addresses.DELIVER, Addresses.DLQ, Addresses.EXPIRED, "ncb.out.DE", "ncb.made-up", "activemq.management"})
    void a_peer_cannot_send_anywhere_but_the_inbox(String address) throws Exception {
        try (Connection connection = amqp(peer)) {
            assertThatThrownBy(() -> send(connection, address, UUID.randomUUID().toString(), 100))
                    .isInstanceOf(JMSException.class)
                    .hasMessageContaining("does not have permission");
        }
        assertThat(fr.messageCount(address)).isLessThanOrEqualTo(0);
    }

    @Test
    void a_peer_cannot_consume_or_browse_the_inbox() throws Exception {
        JmsHelper.send(fr.connectionFactory(), Addresses.IN, UUID.randomUUID().toString(), new byte[10]);
        try (Connection connection = amqp(peer)) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(Addresses.IN)))
                    .isInstanceOf(JMSException.class)
                    .hasMessageContaining("does not have permission='CONSUME'");
            Session browsing = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> browsing.createBrowser(browsing.createQueue(Addresses.IN)).getEnumeration().hasMoreElements())
                    .isInstanceOf(JMSException.class)
                    .hasMessageContaining("does not have permission='BROWSE'");
        }
        assertThat(fr.messageCount(Addresses.IN)).isEqualTo(1);
    }

    @Test
    void a_client_whose_certificate_is_not_from_the_federation_root_cannot_connect() throws Exception {
        TestCertificates rogue = new TestCertificates(temp.resolve("rogue-folder"), "rogue-root");
        TlsMaterial stranger = rogue.node("DE");
        // the stranger trusts FR's root, so only FR's check of the stranger's certificate can fail
        TlsMaterial mixed = new TlsMaterial(stranger.keyStore(), stranger.keyStorePassword(),
                ExampleFederation.trustStore(), ExampleFederation::trustStorePassword);
        assertThatThrownBy(() -> amqp(mixed).close()).isInstanceOf(JMSException.class);
    }

    @Test
    void a_federation_certificate_without_the_client_auth_usage_cannot_log_in() throws Exception {
        // TLS itself accepts a certificate with no extended key usage; the broker must not
        TlsMaterial signingLike = misissued.node("DE", null);
        assertThatThrownBy(() -> {
            try (Connection connection = amqp(signingLike)) {
                send(connection, Addresses.IN, UUID.randomUUID().toString(), 10);
            }
        }).isInstanceOf(JMSException.class);
        assertThat(fr.messageCount(Addresses.IN)).isZero();
    }

    @Test
    void an_oversize_message_is_refused_with_the_reason() throws Exception {
        try (Connection connection = amqp(peer)) {
            assertThatThrownBy(() -> send(connection, Addresses.IN, UUID.randomUUID().toString(), MAX_MESSAGE_BYTES + 1))
                    .isInstanceOf(JMSException.class)
                    .hasMessageContaining("exceeds the limit of " + MAX_MESSAGE_BYTES + " bytes");
        }
        assertThatThrownBy(() -> JmsHelper.send(fr.connectionFactory(), Addresses.out("DE"), UUID.randomUUID().toString(),
                new byte[4 * MAX_MESSAGE_BYTES]))
                .isInstanceOf(JMSException.class)
                .hasMessageContaining("exceeds the limit");
        await().atMost(PATIENCE).until(() -> fr.messageCount(Addresses.IN) == 0);
        assertThat(fr.messageCount(Addresses.out("DE"))).isLessThanOrEqualTo(0);
    }

    @Test
    void a_message_for_the_inbox_without_a_duplicate_id_is_refused() throws Exception {
        try (Connection connection = amqp(peer)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(Addresses.IN));
            assertThatThrownBy(() -> producer.send(session.createBytesMessage()))
                    .isInstanceOf(JMSException.class)
                    .hasMessageContaining(MessageProperties.DUPLICATE_ID);
        }
        assertThat(fr.messageCount(Addresses.IN)).isZero();
    }

    private Connection amqp(TlsMaterial tls) throws Exception {
        JmsConnectionFactory factory = new JmsConnectionFactory(
                "amqps://" + TestNodes.LOOPBACK + ":" + fr.settings().acceptorPort() + "?transport.verifyHost=false");
        factory.setSslContext(TestCertificates.sslContext(tls));
        Connection connection = factory.createConnection();
        connection.start();
        return connection;
    }

    private static void send(Connection connection, String address, String id, int size) throws JMSException {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue(address));
            producer.send(JmsHelper.sealed(session, id, new byte[size]));
        }
    }
}
