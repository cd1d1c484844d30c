package org.ncbgateway.gateway;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.main.Main;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.directory.NodeRole;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.transport.Addresses;
import org.ncbgateway.transport.BrokerSettings;
import org.ncbgateway.transport.ExternalBroker;
import org.ncbgateway.transport.ExternalBrokerSettings;
import org.ncbgateway.transport.NodeBroker;
import org.ncbgateway.transport.TlsMaterial;
import org.ncbgateway.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * One running node: its machinery, its broker (embedded, or external by configuration) with a
 * store-and-forward bridge to each next hop, and Camel Main running the routes of its role.
 * Closing it stops taking new work, lets in-flight exchanges finish, then stops the broker.
 */
public final class GatewayNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayNode.class);
    /** Seconds Camel waits for in-flight exchanges at shutdown. */
    private static final int SHUTDOWN_SECONDS = 30;

    private static final int SESSIONS_PER_CONSUMER = 2;
    /** Sessions kept for threads submitting concurrently (the drop folder, {@code ncb send}, a benchmark). */
    private static final int SUBMITTER_SESSIONS = 64;

    private final NodeMachinery machinery;
    private final NodeBroker broker;
    private final CachingConnectionFactory connections;
    private final Main main;
    private final ProducerTemplate producer;

    private GatewayNode(NodeMachinery machinery, NodeBroker broker, CachingConnectionFactory connections, Main main) {
        this.machinery = machinery;
        this.broker = broker;
        this.connections = connections;
        this.main = main;
        this.producer = main.getCamelContext().createProducerTemplate();
    }

    public static GatewayNode start(NodeConfig config, Clock clock) throws Exception {
        LogContext.node(config.nodeCode());
        NodeMachinery machinery = NodeMachinery.open(config, clock);
        NodeBroker broker = null;
        try {
            NodeRole role = self(machinery).role();
            TlsMaterial tls = tls(config);
            broker = config.externalBrokerUrl().isPresent() ? null : embeddedBroker(machinery, tls);
            ConnectionFactory target = broker != null ? broker.connectionFactory()
                    : ExternalBroker.connectionFactory(ExternalBrokerSettings.parse(config.externalBrokerUrl().get(), tls));
            machinery.connectWitness(target);
            CachingConnectionFactory connections = new CachingConnectionFactory(target);
            // every submitting thread keeps its session: a miss opens and closes one, a round trip each,
            // serialized on the one shared connection
            connections.setSessionCacheSize(SESSIONS_PER_CONSUMER * config.inboundConsumers() + SUBMITTER_SESSIONS);
            // A consumer parked in a cached session keeps the messages the broker pushed to it: when the session is
            // next taken by a route reading another queue (ncb.in vs ncb.deliver at the secretariat), they wait
            // there unseen. Consumers belong to their listener (jmsComponent), never to the shared cache.
            connections.setCacheConsumers(false);
            Main main = camelMain(config, role, machinery, connections);
            main.start();
            LOG.info("event=node-started role={} broker={} drop={} delivery={}", role.wireName(),
                    broker != null ? broker.settings().acceptor() : config.externalBrokerUrl().get(),
                    config.dropDir(), config.deliveryDir());
            return new GatewayNode(machinery, broker, connections, main);
        } catch (Exception | Error e) {
            if (broker != null) {
                broker.stop();
            }
            machinery.close();
            throw e;
        }
    }

    private static DirectoryNode self(NodeMachinery machinery) {
        String code = machinery.config().nodeCode();
        return machinery.directory().node(code).orElseThrow(() -> new NodeConfigException("node.code " + code
                + " is not a node of directory version " + machinery.directory().version()));
    }

    /** The node's TLS key, the federation root and the CRL: for its broker's links, or to log in to an external broker. */
    public static TlsMaterial tls(NodeConfig config) {
        return new TlsMaterial(config.tlsKeystore(), NodePasswords.supplier(NodePasswords.keystores(config)),
                config.truststore(), NodePasswords.supplier(NodePasswords.truststore(config)),
                new FederationLayout(config.federationDir()).crl());
    }

    private static NodeBroker embeddedBroker(NodeMachinery machinery, TlsMaterial tls) throws Exception {
        NodeConfig config = machinery.config();
        NodeBroker broker = new NodeBroker(new BrokerSettings(config.nodeCode(), config.brokerDir(),
                config.brokerListen().orElseThrow().host(), config.brokerListen().orElseThrow().port(), tls, null));
        broker.start();
        try {
            Directory directory = machinery.directory();
            broker.updateRevocation(machinery.liveDirectory().trust().crl(), "directory version " + directory.version());
            broker.updateNextHops(NextHopEndpoints.of(directory, config));
            machinery.liveDirectory().onApplied(applied -> followDirectory(broker, machinery.liveDirectory(), config));
        } catch (Exception e) {
            broker.stop();
            throw e;
        }
        return broker;
    }

    /**
     * The broker follows a directory applied in service, without a restart: its TLS links the CRL (a
     * revoked peer is refused and its open links closed), its bridges a new link or a moved endpoint.
     */
    private static void followDirectory(NodeBroker broker, LiveDirectory live, NodeConfig config) {
        Directory directory = live.directory();
        try {
            int closed = broker.updateRevocation(live.trust().crl(), "directory version " + directory.version());
            LOG.info("event=tls-revocation-updated version={} linksClosed={}", directory.version(), closed);
        } catch (TransportException e) {
            // the new CRL is in force for every handshake already; only closing an open link failed
            LOG.error("event=tls-links-not-closed version={} reason=\"{}\"", directory.version(), e.getMessage());
        }
        try {
            broker.updateNextHops(NextHopEndpoints.of(directory, config));
            LOG.info("event=next-hops-updated version={} nextHops={}", directory.version(), broker.nextHops().keySet());
        } catch (TransportException e) {
            // the directory is in force already; what waits on ncb.out.<HOP> leaves once the bridge is fixed
            LOG.error("event=next-hops-not-updated version={} reason=\"{}\"", directory.version(), e.getMessage());
        }
    }

    private static Main camelMain(NodeConfig config, NodeRole role, NodeMachinery machinery,
                                  ConnectionFactory connections) {
        Main main = new Main();
        main.configure().withName("ncb-" + config.nodeCode()).withJmxEnabled(false)
                .withShutdownTimeout(SHUTDOWN_SECONDS).withRoutesIncludePattern(RoleRoutes.includePattern(role));
        machinery.beans().forEach(main::bind);
        main.bind("jms", jmsComponent(connections));
        main.setInitialProperties(properties(config));
        return main;
    }

    /**
     * Transacted routes use the listener's own JMS session transaction: each consumer thread keeps one session
     * and one consumer for its queue (no consumer created per message, none shared between queues), and what
     * the route sends goes through that session, committed with the consumption.
     */
    private static JmsComponent jmsComponent(ConnectionFactory connections) {
        JmsComponent jms = JmsComponent.jmsComponent(connections);
        jms.getConfiguration().setLazyCreateTransactionManager(false);
        jms.getConfiguration().setCacheLevelName("CACHE_CONSUMER");
        return jms;
    }

    /** The placeholders the routes use: {@code {{ncb.drop.dir}}}, {@code {{ncb.address.in}}}... */
    static Properties properties(NodeConfig config) {
        Map<String, String> values = new TreeMap<>();
        values.put("ncb.node.code", config.nodeCode());
        values.put("ncb.drop.dir", config.dropDir().toString());
        values.put("ncb.delivery.dir", config.deliveryDir().toString());
        values.put("ncb.address.in", Addresses.IN);
        values.put("ncb.address.deliver", Addresses.DELIVER);
        values.put("ncb.address.dlq", Addresses.DLQ);
        values.put("ncb.address.out-prefix", Addresses.OUT_PREFIX);
        // messages are independent of each other: several consumers of ncb.in, each in its own transaction
        values.put("ncb.inbound.consumers", Integer.toString(config.inboundConsumers()));
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }

    /**
     * Sends a submission through this node's send route and returns once it is sealed, recorded and
     * queued for its next hops.
     *
     * @throws SubmissionException when it cannot be sent as it is
     */
    public void submit(Submission submission) throws SubmissionException {
        try {
            producer.sendBody("direct:send", submission);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof SubmissionException refused) {
                throw refused;
            }
            throw e;
        }
    }

    public NodeMachinery machinery() {
        return machinery;
    }

    public String code() {
        return machinery.config().nodeCode();
    }

    /** The broker, when embedded. */
    public NodeBroker broker() {
        return broker;
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    @Override
    public void close() throws Exception {
        LogContext.node(code());
        LOG.info("event=node-stopping");
        try {
            main.stop();
            // the shutdown seal, once nothing is in flight, handed to the broker for the witness before it stops
            machinery.sealer().close();
            connections.destroy();
        } finally {
            try {
                if (broker != null) {
                    broker.stop();
                }
            } finally {
                machinery.close();
            }
        }
        LOG.info("event=node-stopped");
    }
}
