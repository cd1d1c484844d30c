package org.ncbgateway.transport;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.JMSFactoryType;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.ncbgateway.testing.ExampleFederation;

/**
 * A plain JMS client that connects to a node's broker the way a peer does: over TLS, presenting the
 * certificate of an example-federation node. For tests that play an outside client.
 */
public final class PeerClients {

    private PeerClients() {
    }

    public static ConnectionFactory as(String code, Endpoint target) {
        TlsMaterial tls = new TlsMaterial(ExampleFederation.tlsKeyStore(code), () -> ExampleFederation.password(code),
                ExampleFederation.trustStore(), ExampleFederation::trustStorePassword);
        return ActiveMQJMSClient.createConnectionFactoryWithoutHA(JMSFactoryType.CF,
                new TransportConfiguration(NettyConnectorFactory.class.getName(), TlsParameters.connector(target, tls)));
    }

    /** Sends bytes to {@code address} under the SPEC section 5 duplicate id {@code duplicateId}. */
    public static void send(ConnectionFactory factory, String address, byte[] body, String duplicateId)
            throws JMSException {
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue(address));
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            message.setStringProperty(MessageProperties.DUPLICATE_ID, duplicateId);
            producer.send(message);
        }
    }
}
