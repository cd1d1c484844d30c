package org.ncbgateway.transport;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.JMSFactoryType;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * External broker mode: the gateway talks to an operator-run Artemis broker (or cluster) over mutual
 * TLS, logging in with its node's TLS certificate. The broker is configured by the operator (see
 * {@code transport/standalone/broker.xml}); the node's certificate maps to the role {@code gateway}
 * there, every other federation certificate to {@code peer}.
 */
public final class ExternalBroker {

    private ExternalBroker() {
    }

    /** Checks the stores, then returns a factory that reconnects forever across the listed endpoints. */
    public static ConnectionFactory connectionFactory(ExternalBrokerSettings settings) throws TransportException {
        StoreCheck.requireOpenable(settings.tls());
        TransportConfiguration[] connectors = settings.endpoints().stream()
                .map(endpoint -> new TransportConfiguration(NettyConnectorFactory.class.getName(),
                        TlsParameters.connector(endpoint, settings.tls())))
                .toArray(TransportConfiguration[]::new);
        ActiveMQConnectionFactory factory = ActiveMQJMSClient.createConnectionFactoryWithoutHA(JMSFactoryType.CF, connectors);
        factory.setBlockOnDurableSend(true);
        factory.setReconnectAttempts(-1);
        factory.setRetryInterval(1000);
        factory.setRetryIntervalMultiplier(2.0);
        factory.setMaxRetryInterval(30_000);
        return factory;
    }
}
