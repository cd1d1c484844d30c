package org.ncbgateway.gateway;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A node that runs against an external Artemis broker or cluster ({@code broker.url}) instead of
 * embedding one. That broker's operator configures its addresses, security and bridges.
 */
final class ExternalBroker {

    private ExternalBroker() {
    }

    static ConnectionFactory connectionFactory(String url) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
        factory.setBlockOnDurableSend(true);
        return factory;
    }
}
