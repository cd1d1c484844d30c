package org.ncbgateway.transport;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;

/** Sends and drains sealed-message stand-ins the way the gateway does: bytes body, SPEC properties. */
final class JmsHelper {

    private JmsHelper() {
    }

    static void send(ConnectionFactory factory, String address, String messageId, byte[] body) throws JMSException {
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue(address));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(sealed(session, messageId, body));
        }
    }

    static BytesMessage sealed(Session session, String messageId, byte[] body) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(body);
        message.setStringProperty(MessageProperties.MESSAGE_ID, messageId);
        message.setStringProperty(MessageProperties.FROM, "FR");
        message.setStringProperty(MessageProperties.KIND, "diffusion");
        message.setStringProperty(MessageProperties.DUPLICATE_ID, messageId);
        return message;
    }

    /** Receives until {@code expected} messages arrived or a receive waited {@code quietMillis} for nothing. */
    static List<String> drainIds(ConnectionFactory factory, String address, int expected, long quietMillis)
            throws JMSException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            MessageConsumer consumer = session.createConsumer(session.createQueue(address));
            Message message;
            while (ids.size() < expected && (message = consumer.receive(quietMillis)) != null) {
                ids.add(message.getStringProperty(MessageProperties.MESSAGE_ID));
            }
        }
        return ids;
    }
}
