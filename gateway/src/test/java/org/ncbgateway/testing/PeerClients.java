package org.ncbgateway.testing;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.List;
import java.util.Map;
import org.ncbgateway.transport.Endpoint;
import org.ncbgateway.transport.ExternalBroker;
import org.ncbgateway.transport.ExternalBrokerSettings;
import org.ncbgateway.transport.MessageProperties;
import org.ncbgateway.transport.TlsMaterial;
import org.ncbgateway.transport.TransportException;

/**
 * A plain JMS client that connects to a node's broker the way a peer does: over TLS, presenting the
 * certificate of an example-federation node. For tests that play an outside client.
 */
public final class PeerClients {

    private PeerClients() {
    }

    public static ConnectionFactory as(String code, Endpoint target) throws TransportException {
        TlsMaterial tls = new TlsMaterial(ExampleFederation.tlsKeyStore(code), () -> ExampleFederation.password(code),
                ExampleFederation.trustStore(), ExampleFederation::trustStorePassword);
        return ExternalBroker.connectionFactory(new ExternalBrokerSettings(List.of(target), tls));
    }

    /** Sends bytes to {@code address} under the SPEC section 5 duplicate id {@code duplicateId}. */
    public static void send(ConnectionFactory factory, String address, byte[] body, String duplicateId)
            throws JMSException {
        send(factory, address, body, duplicateId, Map.of());
    }

    /** The same, with more string properties (a claimed sender, a witnessing mark...). */
    public static void send(ConnectionFactory factory, String address, byte[] body, String duplicateId,
                            Map<String, String> properties) throws JMSException {
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue(address));
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            message.setStringProperty(MessageProperties.DUPLICATE_ID, duplicateId);
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            producer.send(message);
        }
    }
}
