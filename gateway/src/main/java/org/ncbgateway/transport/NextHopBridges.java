package org.ncbgateway.transport;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.BridgeConfiguration;
import org.apache.activemq.artemis.core.persistence.config.PersistedBridgeConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ComponentConfigurationRoutingType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One core bridge per next hop, from {@code ncb.out.<HOP>} to that peer's {@code ncb.in} over mutual
 * TLS, reconnecting forever: Artemis itself does the store-and-forward. Changed at runtime as the
 * directory changes; a removed hop's queue is kept, so nothing already queued is lost.
 *
 * <p>The bridge's own duplicate detection is off on purpose: with it, the receiving broker checks only
 * the bridge's internal id and ignores {@code _AMQ_DUPL_ID}, so a copy of the same message arriving by
 * another path would not be dropped. Every message on {@code ncb.out.*} carries {@code _AMQ_DUPL_ID}
 * (enforced by {@link MessageAdmissionPlugin}), which also makes a resend after a reconnect harmless.
 */
final class NextHopBridges {

    private static final Logger LOG = LoggerFactory.getLogger(NextHopBridges.class);
    private static final String BRIDGE_PREFIX = "ncb.bridge.";
    private static final String CONNECTOR_PREFIX = "ncb.peer.";
    /**
     * How long a stopping bridge waits for the peer to confirm what it sent. Artemis counts a send as pending
     * until its confirmation, and when the link drops first (the peer stopped while a send was on the wire) it
     * puts the message back on the queue but never uncounts it: the bridge's stop would then wait its full
     * default (60 s; the broker's stop gives up on it after 10 s). On a live link a confirmation comes within
     * milliseconds; anything unconfirmed stays on {@code ncb.out.<HOP>}, is sent again, and the peer's
     * duplicate-id cache drops the copy it already has.
     */
    static final Duration PENDING_ACK_WAIT = Duration.ofSeconds(1);

    private final ActiveMQServer server;
    private final BrokerSettings settings;
    private final String liveTrust;
    private final Map<String, Endpoint> deployed = new HashMap<>();

    NextHopBridges(ActiveMQServer server, BrokerSettings settings, String liveTrust) {
        this.server = server;
        this.settings = settings;
        this.liveTrust = liveTrust;
    }

    /**
     * Artemis stores bridges deployed at runtime in the journal, but not the connectors they use, so
     * after a restart they cannot start. The directory is the source of truth: forget them, and let
     * {@link #update} deploy what the directory says.
     */
    synchronized void forgetStoredBridges() throws Exception {
        for (PersistedBridgeConfiguration stored : server.getStorageManager().recoverBridgeConfigurations()) {
            if (stored.getName().startsWith(BRIDGE_PREFIX)) {
                server.destroyBridge(stored.getName());
                server.getStorageManager().deleteBridgeConfiguration(stored.getName());
                LOG.info("event=stored-bridge-forgotten node={} bridge={}", settings.nodeCode(), stored.getName());
            }
        }
    }

    synchronized void update(Map<String, Endpoint> nextHops) throws Exception {
        Map<String, Endpoint> wanted = new TreeMap<>(nextHops);
        for (String hop : List.copyOf(deployed.keySet())) {
            if (!wanted.containsKey(hop) || !wanted.get(hop).equals(deployed.get(hop))) {
                remove(hop);
            }
        }
        // room for every bridge before any connects: each holds a pool thread while it connects
        BrokerThreads.fitBridges(server.getThreadPool(), wanted.size());
        for (Map.Entry<String, Endpoint> hop : wanted.entrySet()) {
            if (!deployed.containsKey(hop.getKey())) {
                deploy(hop.getKey(), hop.getValue());
            }
        }
    }

    synchronized Map<String, Endpoint> current() {
        return Map.copyOf(deployed);
    }

    private void deploy(String hop, Endpoint endpoint) throws Exception {
        String queue = Addresses.out(hop);
        if (server.locateQueue(SimpleString.of(queue)) == null) {
            server.createQueue(BrokerConfiguration.anycastQueue(queue));
        }
        server.getConfiguration().addConnectorConfiguration(CONNECTOR_PREFIX + hop, new TransportConfiguration(
                NettyConnectorFactory.class.getName(), TlsParameters.bridgeConnector(endpoint, settings.tls(), liveTrust),
                CONNECTOR_PREFIX + hop));
        BrokerLimits limits = settings.limits();
        server.deployBridge(new BridgeConfiguration(BRIDGE_PREFIX + hop)
                .setQueueName(queue)
                .setForwardingAddress(Addresses.IN)
                .setRoutingType(ComponentConfigurationRoutingType.ANYCAST)
                .setStaticConnectors(List.of(CONNECTOR_PREFIX + hop))
                .setHA(false)
                .setUseDuplicateDetection(false)
                .setInitialConnectAttempts(-1)
                .setReconnectAttempts(-1)
                .setRetryInterval(limits.bridgeRetryInterval().toMillis())
                .setRetryIntervalMultiplier(2.0)
                .setMaxRetryInterval(limits.bridgeMaxRetryInterval().toMillis())
                .setPendingAckTimeout(PENDING_ACK_WAIT.toMillis())
                // identity comes from this node's TLS certificate, never from the cluster credentials
                .setUser(null)
                .setPassword(null));
        deployed.put(hop, endpoint);
        LOG.info("event=bridge-deployed node={} hop={} endpoint={} queue={}", settings.nodeCode(), hop, endpoint, queue);
    }

    private void remove(String hop) throws Exception {
        server.destroyBridge(BRIDGE_PREFIX + hop);
        server.getConfiguration().getConnectorConfigurations().remove(CONNECTOR_PREFIX + hop);
        Endpoint was = deployed.remove(hop);
        LOG.info("event=bridge-removed node={} hop={} endpoint={} queue={} kept=true",
                settings.nodeCode(), hop, was, Addresses.out(hop));
    }
}
