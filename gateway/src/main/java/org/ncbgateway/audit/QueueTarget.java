package org.ncbgateway.audit;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Replays into an Artemis queue (for example a node's {@code ncb.in}) with the JMS client, persistent, each
 * message carrying {@code _AMQ_DUPL_ID} = messageId so that the broker drops a second copy: replaying twice
 * delivers once.
 */
public final class QueueTarget implements ReplayTarget {

    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    private final ConnectionFactory factory;
    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;

    /** @param brokerUrl an Artemis core URL such as {@code tcp://127.0.0.1:61616?sslEnabled=true&...} */
    public QueueTarget(String brokerUrl, String queue) throws IOException {
        this(factory(brokerUrl, queue), brokerUrl, queue);
    }

    /**
     * Over a factory already set up, for example one logging in to a node's broker over mutual TLS with a
     * federation certificate, whose passwords then never appear in a URL.
     *
     * @param where the broker as named in errors (no secrets)
     */
    public QueueTarget(ConnectionFactory factory, String where, String queue) throws IOException {
        this.factory = factory;
        try {
            connection = factory.createConnection();
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        } catch (JMSException | RuntimeException e) {
            closeFactory();
            throw new IOException("cannot reach queue " + queue + " at " + where + ": " + e.getMessage(), e);
        }
    }

    private static ConnectionFactory factory(String brokerUrl, String queue) throws IOException {
        try {
            return new ActiveMQConnectionFactory(brokerUrl);
        } catch (RuntimeException e) {
            throw new IOException("cannot reach queue " + queue + " at " + brokerUrl + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean deliver(ReplayedMessage message) throws IOException {
        try {
            BytesMessage jms = session.createBytesMessage();
            jms.writeBytes(message.wire());
            jms.setStringProperty("ncbMessageId", message.messageId());
            if (message.from() != null) {
                jms.setStringProperty("ncbFrom", message.from());
            }
            if (message.kind() != null) {
                jms.setStringProperty("ncbKind", message.kind());
            }
            jms.setStringProperty(DUPLICATE_ID, message.messageId());
            producer.send(jms);
            return true;
        } catch (JMSException e) {
            throw new IOException("sending " + message.messageId() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            connection.close();
        } catch (JMSException e) {
            throw new IOException("closing the replay connection failed: " + e.getMessage(), e);
        } finally {
            closeFactory();
        }
    }

    private void closeFactory() {
        if (factory instanceof ActiveMQConnectionFactory artemis) {
            artemis.close();
        }
    }
}
