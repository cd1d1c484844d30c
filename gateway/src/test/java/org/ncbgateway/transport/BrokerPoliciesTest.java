package org.ncbgateway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What the broker does with messages nobody can handle, and how it fails to start. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerPoliciesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final int MAX_DELIVERY_ATTEMPTS = 3;

    private Path temp;
    private NodeBroker be;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        temp = folder;
        BrokerSettings settings = TestNodes.settings("BE", temp);
        BrokerLimits defaults = settings.limits();
        be = new NodeBroker(settings.withLimits(new BrokerLimits(defaults.maxMessageBytes(), defaults.addressMaxBytes(),
                defaults.duplicateIdCacheSize(), MAX_DELIVERY_ATTEMPTS, Duration.ZERO,
                defaults.bridgeRetryInterval(), defaults.bridgeMaxRetryInterval())));
        be.start();
    }

    @AfterAll
    void stop() {
        be.stop();
    }

    @Test
    void a_message_rolled_back_too_often_moves_to_the_dead_letter_queue() throws Exception {
        String id = UUID.randomUUID().toString();
        JmsHelper.send(be.connectionFactory(), Addresses.DELIVER, id, new byte[8]);
        try (Connection connection = be.connectionFactory().createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            connection.start();
            MessageConsumer consumer = session.createConsumer(session.createQueue(Addresses.DELIVER));
            for (int attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
                assertThat(consumer.receive(PATIENCE.toMillis())).as("delivery attempt %d", attempt).isNotNull();
                session.rollback();
            }
        }
        assertThat(JmsHelper.drainIds(be.connectionFactory(), Addresses.DLQ, 1, PATIENCE.toMillis())).containsExactly(id);
    }

    @Test
    void a_message_whose_time_ran_out_moves_to_the_expiry_queue() throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection connection = be.connectionFactory().createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue(Addresses.DELIVER));
            producer.setTimeToLive(1);
            producer.send(JmsHelper.sealed(session, id, new byte[8]));
        }
        await().atMost(PATIENCE).until(() ->
                JmsHelper.drainIds(be.connectionFactory(), Addresses.DELIVER, 1, 100).isEmpty()
                        && be.messageCount(Addresses.EXPIRED) == 1);
        assertThat(JmsHelper.drainIds(be.connectionFactory(), Addresses.EXPIRED, 1, PATIENCE.toMillis())).containsExactly(id);
    }

    @Test
    void a_wrong_keystore_password_is_reported_with_the_keystore_named() throws Exception {
        TlsMaterial good = TestNodes.exampleTls("NL");
        TlsMaterial wrong = new TlsMaterial(good.keyStore(), "not-the-password"::toCharArray,
                good.trustStore(), good.trustStorePassword(), good.crl());
        NodeBroker broker = new NodeBroker(TestNodes.settings("NL", temp, wrong));

        assertThatThrownBy(broker::start).isInstanceOf(TransportException.class)
                .hasMessageContaining("keystore " + good.keyStore())
                .hasMessageContaining("cannot be opened");
    }

    @Test
    void a_port_in_use_is_reported_with_the_acceptor_named() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(TestNodes.LOOPBACK))) {
            BrokerSettings settings = TestNodes.settings("NL", temp);
            NodeBroker broker = new NodeBroker(new BrokerSettings("NL", settings.dataDir(), TestNodes.LOOPBACK,
                    taken.getLocalPort(), settings.tls(), settings.limits()));

            assertThatThrownBy(broker::start).isInstanceOf(TransportException.class)
                    .hasMessageContaining(TestNodes.LOOPBACK + ":" + taken.getLocalPort());
            assertThat(broker.isStarted()).isFalse();
        }
    }
}
