package org.ncbgateway.audit;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
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
    private final ActiveMQConnectionFactory factory;
    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;

    /** @param brokerUrl an Artemis core URL such as {@code tcp://127.0.0.1:61616?sslEnabled=true&...} */
    public QueueTarget(String brokerUrl, String queue) throws IOException {
        try {
            factory = new ActiveMQConnectionFactory(brokerUrl);
            connection = factory.createConnection();
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        } catch (JMSException | RuntimeException e) {
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
            factory.close();
        }
    }
}
