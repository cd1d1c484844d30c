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
 * delivers once. A broker that is down, or goes down during the replay, is retried a few times, then the
 * replay fails with the target and the reason (never retried forever: re-running a replay is safe).
 */
public final class QueueTarget implements ReplayTarget {

    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** Connection attempts, at first and after a connection is lost, one second apart. */
    static final int CONNECT_ATTEMPTS = 3;
    private static final long RETRY_MILLIS = 1_000;
    /** How long one send waits for the broker's confirmation, also across a reconnection. */
    static final int CALL_TIMEOUT_MILLIS = 10_000;
    private final ConnectionFactory factory;
    private final String where;
    private final String queue;
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
        this.factory = bounded(factory);
        this.where = where;
        this.queue = queue;
        try {
            connection = factory.createConnection();
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        } catch (JMSException | RuntimeException e) {
            closeFactory();
            throw new IOException("cannot reach queue " + queue + " at " + where + ": " + reason(e), e);
        }
    }

    /** A factory that gives up: the node's own factories reconnect forever, which suits a node, not a replay. */
    private static ConnectionFactory bounded(ConnectionFactory factory) {
        if (factory instanceof ActiveMQConnectionFactory artemis) {
            artemis.setInitialConnectAttempts(CONNECT_ATTEMPTS);
            artemis.setReconnectAttempts(CONNECT_ATTEMPTS);
            artemis.setRetryInterval(RETRY_MILLIS);
            artemis.setRetryIntervalMultiplier(1.0);
            artemis.setCallTimeout(CALL_TIMEOUT_MILLIS);
            artemis.setCallFailoverTimeout(CALL_TIMEOUT_MILLIS);
        }
        return factory;
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
        } catch (JMSException | RuntimeException e) {
            throw new IOException("sending " + message.messageId() + " to queue " + queue + " at " + where
                    + " failed: " + reason(e), e);
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

    /** The exception's class and message, or its cause's: Artemis often says the essential in the cause. */
    private static String reason(Exception e) {
        Throwable said = e;
        while ((said.getMessage() == null || said.getMessage().isBlank()) && said.getCause() != null) {
            said = said.getCause();
        }
        Throwable cause = said.getCause();
        return said.getClass().getSimpleName() + ": " + said.getMessage()
                + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "");
    }

    private void closeFactory() {
        if (factory instanceof ActiveMQConnectionFactory artemis) {
            artemis.close();
        }
    }
}
