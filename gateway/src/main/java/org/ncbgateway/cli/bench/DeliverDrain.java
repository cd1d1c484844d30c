package org.ncbgateway.cli.bench;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.concurrent.atomic.LongAdder;
import org.ncbgateway.gateway.GatewayNode;
import org.ncbgateway.transport.Addresses;

/**
 * Stands in for a bureau's national systems: consumes what its node puts on {@code ncb.deliver}, so
 * that a long run measures the gateway and not a queue nobody reads.
 */
final class DeliverDrain implements AutoCloseable {

    private final Connection connection;
    private final LongAdder consumed = new LongAdder();

    DeliverDrain(GatewayNode node) throws JMSException {
        this(node.broker().connectionFactory());
    }

    DeliverDrain(ConnectionFactory broker) throws JMSException {
        this.connection = broker.createConnection();
        try {
            Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            session.createConsumer(session.createQueue(Addresses.DELIVER)).setMessageListener(m -> consumed.increment());
            connection.start();
        } catch (JMSException e) {
            connection.close();
            throw e;
        }
    }

    long consumed() {
        return consumed.sum();
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
