package org.ncbgateway.transport;

import jakarta.jms.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.security.cert.X509CRL;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.JMSFactoryType;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnectorFactory;
import org.apache.activemq.artemis.core.remoting.impl.invm.TransportConstants;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.remoting.ssl.SSLContextFactoryProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's embedded Artemis broker: the addresses of SPEC section 5, a TLS acceptor for peers, an
 * in-VM connection factory for the local gateway, and one store-and-forward bridge per next hop.
 */
public final class NodeBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeBroker.class);
    /** In-VM server ids are JVM-wide; several nodes may share a JVM (the demo, the tests). */
    private static final AtomicInteger IN_VM_IDS = new AtomicInteger(1000);

    private final BrokerSettings settings;
    private final int inVmServerId = IN_VM_IDS.incrementAndGet();
    private ActiveMQServer server;
    private NextHopBridges bridges;
    private TlsRevocation revocation;
    private String liveTrust;

    public NodeBroker(BrokerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Starts the broker; fails with the store, file or port named when one of them is unusable. */
    public synchronized void start() throws TransportException {
        if (server != null) {
            throw new IllegalStateException("broker of node " + settings.nodeCode() + " is already started");
        }
        StoreCheck.requireOpenable(settings.tls());
        requireLiveTlsContexts();
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new TransportException("data folder " + settings.dataDir() + " cannot be created: " + e.getMessage(), e);
        }
        TlsRevocation createdRevocation = TlsRevocation.of(settings.tls());
        String trustKey = NodeTlsContexts.register(settings.nodeCode(), createdRevocation);
        try {
            startServer(createdRevocation, trustKey);
        } catch (TransportException | RuntimeException e) {
            NodeTlsContexts.unregister(trustKey);
            throw e;
        }
    }

    private void startServer(TlsRevocation createdRevocation, String trustKey) throws TransportException {
        ActiveMQServer created = ActiveMQServers.newActiveMQServer(
                BrokerConfiguration.build(settings, inVmServerId, trustKey), null,
                new CertificateSecurityManager(settings.nodeCode()));
        created.registerBrokerPlugin(new MessageAdmissionPlugin(settings.nodeCode(), settings.limits().maxMessageBytes()));
        try {
            created.start();
        } catch (Exception e) {
            stopQuietly(created);
            throw new TransportException("broker of node " + settings.nodeCode() + " did not start (acceptor "
                    + settings.acceptor() + ", data " + settings.dataDir() + "): " + e.getMessage(), e);
        }
        if (!created.isActive() || !acceptorStarted(created)) {
            stopQuietly(created);
            throw new TransportException("broker of node " + settings.nodeCode() + " could not listen on "
                    + settings.acceptor() + " (port in use or host not local?)");
        }
        NextHopBridges createdBridges = new NextHopBridges(created, settings, trustKey);
        try {
            createdBridges.forgetStoredBridges();
        } catch (Exception e) {
            stopQuietly(created);
            throw new TransportException("broker of node " + settings.nodeCode()
                    + " could not clear bridges stored by its previous run: " + e.getMessage(), e);
        }
        server = created;
        bridges = createdBridges;
        revocation = createdRevocation;
        liveTrust = trustKey;
        LOG.info("event=broker-started node={} acceptor={} data={}", settings.nodeCode(), settings.acceptor(), settings.dataDir());
    }

    /**
     * Stops the broker. Everything accepted is already synced to the journal, so what is queued for a
     * hop or for the gateway is there again at the next start.
     */
    @Override
    public synchronized void close() {
        stop();
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        stopQuietly(server);
        NodeTlsContexts.unregister(liveTrust);
        server = null;
        bridges = null;
        revocation = null;
        liveTrust = null;
        LOG.info("event=broker-stopped node={}", settings.nodeCode());
    }

    public synchronized boolean isStarted() {
        return server != null && server.isActive();
    }

    /** A connection factory for the local gateway: in-VM, full rights, blocking on durable sends. */
    public ConnectionFactory connectionFactory() {
        ActiveMQConnectionFactory factory = ActiveMQJMSClient.createConnectionFactoryWithoutHA(JMSFactoryType.CF,
                new TransportConfiguration(InVMConnectorFactory.class.getName(),
                        Map.of(TransportConstants.SERVER_ID_PROP_NAME, inVmServerId)));
        factory.setBlockOnDurableSend(true);
        return factory;
    }

    /**
     * Makes the bridges match {@code nextHops} (node code to endpoint): creates {@code ncb.out.<HOP>} and
     * its bridge for a new hop, moves a bridge whose endpoint changed, removes bridges no longer needed.
     */
    public synchronized void updateNextHops(Map<String, Endpoint> nextHops) throws TransportException {
        requireStarted();
        for (String hop : nextHops.keySet()) {
            if (hop.equals(settings.nodeCode())) {
                throw new IllegalArgumentException("node " + hop + " cannot be its own next hop");
            }
            Addresses.requireNodeCode(hop);
        }
        try {
            bridges.update(nextHops);
        } catch (Exception e) {
            throw new TransportException("node " + settings.nodeCode() + " could not update its bridges to "
                    + nextHops.keySet() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts {@code crl} in force for this broker's TLS links without a restart: a handshake presenting a
     * certificate it revokes is refused from now on, in both directions, and the links open with such a
     * certificate are closed.
     *
     * @param source names the CRL in log lines, e.g. {@code directory version 7}
     * @return how many open links were closed
     */
    public synchronized int updateRevocation(X509CRL crl, String source) throws TransportException {
        requireStarted();
        revocation.update(crl, source);
        try {
            return RevokedLinks.close(server, settings.nodeCode(), revocation);
        } catch (Exception e) {
            throw new TransportException("node " + settings.nodeCode() + " could not close the links revoked by the CRL of "
                    + source + ": " + e.getMessage(), e);
        }
    }

    /** The next hops that have a bridge now. */
    public synchronized Map<String, Endpoint> nextHops() {
        requireStarted();
        return bridges.current();
    }

    /** Messages waiting in the queue {@code address}, or -1 when there is no such queue. */
    public synchronized long messageCount(String address) {
        return queue(address).map(Queue::getMessageCount).orElse(-1L);
    }

    /** Consumers attached to the queue {@code address} now, or -1 when there is no such queue. */
    public synchronized int consumerCount(String address) {
        return queue(address).map(Queue::getConsumerCount).orElse(-1);
    }

    private Optional<Queue> queue(String address) {
        requireStarted();
        return Optional.ofNullable(server.locateQueue(SimpleString.of(address)));
    }

    /** Names of the bridges running now (for status and tests). */
    public synchronized List<String> runningBridges() {
        requireStarted();
        return server.getClusterManager().getBridges().values().stream()
                .filter(bridge -> bridge.isStarted())
                .map(bridge -> bridge.getName().toString())
                .sorted()
                .toList();
    }

    public BrokerSettings settings() {
        return settings;
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("broker of node " + settings.nodeCode() + " is not started");
        }
    }

    /** Without it, the acceptor and bridges would trust no CRL at all: refuse to start rather than run so. */
    private void requireLiveTlsContexts() throws TransportException {
        if (!(SSLContextFactoryProvider.getSSLContextFactory() instanceof NodeTlsContexts)) {
            throw new TransportException("broker of node " + settings.nodeCode() + ": Artemis does not use "
                    + NodeTlsContexts.class.getName() + " for TLS (META-INF/services missing from the class path?)");
        }
    }

    private static boolean acceptorStarted(ActiveMQServer candidate) {
        var acceptor = candidate.getRemotingService().getAcceptor(BrokerConfiguration.TLS_ACCEPTOR);
        return acceptor != null && acceptor.isStarted();
    }

    private void stopQuietly(ActiveMQServer target) {
        try {
            target.stop();
        } catch (Exception e) {
            LOG.warn("event=broker-stop-failed node={} reason=\"{}\"", settings.nodeCode(), e.getMessage());
        }
    }
}
