package org.ncbgateway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.testing.StandaloneArtemis;

/**
 * External broker mode against the real thing: node FR runs on a standalone broker of the Apache
 * Artemis distribution configured with {@code transport/standalone/}, node DE on the embedded broker.
 * The build unpacks the distribution into target/ (maven-dependency-plugin).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneArtemisTest {

    private static final long PATIENCE_MILLIS = 20_000;

    private StandaloneArtemis fr;
    private NodeBroker de;
    private ConnectionFactory frGateway;
    private TlsMaterial deTls;
    private Endpoint frEndpoint;

    @BeforeAll
    void start(@TempDir Path temp) throws Exception {
        assumeTrue(StandaloneArtemis.home().isPresent(), "Apache Artemis distribution not unpacked; the build unpacks"
                + " org.apache.activemq:apache-artemis:bin:tar.gz into target/ (mvn generate-test-resources)");
        deTls = TestNodes.exampleTls("DE");
        de = new NodeBroker(TestNodes.settings("DE", temp));
        de.start();

        TlsMaterial frTls = TestNodes.exampleTls("FR");
        frEndpoint = new Endpoint(TestNodes.LOOPBACK, TestNodes.freePort());
        fr = StandaloneArtemis.create(StandaloneArtemis.home().orElseThrow(), temp.resolve("fr-instance"));
        fr.startAsNode("FR", frEndpoint, frTls, new Endpoint(TestNodes.LOOPBACK, de.settings().acceptorPort()));
        frGateway = ExternalBroker.connectionFactory(new ExternalBrokerSettings(List.of(frEndpoint), frTls));
        de.updateNextHops(Map.of("FR", frEndpoint));
    }

    @AfterAll
    void stop() throws Exception {
        if (de != null) {
            de.stop();
        }
        if (fr != null) {
            fr.close();
        }
    }

    @Test
    void the_gateway_on_a_standalone_broker_forwards_through_the_configured_bridge() throws Exception {
        String id = UUID.randomUUID().toString();
        JmsHelper.send(frGateway, Addresses.out("DE"), id, new byte[256]);

        assertThat(JmsHelper.drainIds(de.connectionFactory(), Addresses.IN, 1, PATIENCE_MILLIS)).containsExactly(id);
    }

    @Test
    void an_embedded_node_delivers_into_the_standalone_inbox_once() throws Exception {
        String id = UUID.randomUUID().toString();
        JmsHelper.send(de.connectionFactory(), Addresses.out("FR"), id, new byte[256]);
        JmsHelper.send(de.connectionFactory(), Addresses.out("FR"), id, new byte[256]);

        assertThat(JmsHelper.drainIds(frGateway, Addresses.IN, 1, PATIENCE_MILLIS)).containsExactly(id);
        assertThat(JmsHelper.drainIds(frGateway, Addresses.IN, Integer.MAX_VALUE, 1000)).isEmpty();
    }

    @Test
    void a_peer_may_only_send_to_the_standalone_inbox() throws Exception {
        ConnectionFactory peer = ExternalBroker.connectionFactory(new ExternalBrokerSettings(List.of(frEndpoint), deTls));
        String id = UUID.randomUUID().toString();
        JmsHelper.send(peer, Addresses.IN, id, new byte[16]);
        assertThatThrownBy(() -> JmsHelper.send(peer, Addresses.DELIVER, UUID.randomUUID().toString(), new byte[16]))
                .isInstanceOf(JMSException.class).hasMessageContaining("does not have permission");
        try (Connection connection = peer.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(Addresses.IN)))
                    .isInstanceOf(JMSException.class).hasMessageContaining("does not have permission");
        }
        assertThat(JmsHelper.drainIds(frGateway, Addresses.IN, 1, PATIENCE_MILLIS)).containsExactly(id);
    }

    @Test
    void the_admission_plugin_runs_on_the_standalone_broker() throws Exception {
        try (Connection connection = frGateway.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createProducer(session.createQueue(Addresses.IN))
                    .send(session.createBytesMessage()))
                    .isInstanceOf(JMSException.class)
                    .hasMessageContaining(MessageProperties.DUPLICATE_ID);
        }
    }
}
