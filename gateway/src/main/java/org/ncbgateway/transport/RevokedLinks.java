package org.ncbgateway.transport;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.cluster.Bridge;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.utils.CertificateUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the TLS links a node broker holds open with a certificate that the CRL in force now revokes:
 * connections peers opened to its acceptor (closed through the broker's management, with their
 * sessions), and its bridges' connections to peers (failed, so the bridge reconnects, and the handshake
 * is then refused by {@link RevocationTrustManager} until the peer presents a valid certificate; what
 * waits on {@code ncb.out.<HOP>} stays queued).
 */
final class RevokedLinks {

    private static final Logger LOG = LoggerFactory.getLogger(RevokedLinks.class);

    private RevokedLinks() {
    }

    /** @return how many links were closed */
    static int close(ActiveMQServer server, String nodeCode, TlsRevocation revocation) throws Exception {
        int closed = 0;
        for (RemotingConnection inbound : List.copyOf(server.getRemotingService().getConnections())) {
            Optional<String> reason = revokedPeer(inbound, revocation);
            if (reason.isPresent()) {
                logClosed(nodeCode, inbound, "inbound", reason.get());
                server.getActiveMQServerControl().closeConnectionWithID(inbound.getID().toString());
                closed++;
            }
        }
        for (Bridge bridge : List.copyOf(server.getClusterManager().getBridges().values())) {
            RemotingConnection outbound = bridge.getForwardingConnection();
            Optional<String> reason = outbound == null ? Optional.empty() : revokedPeer(outbound, revocation);
            if (reason.isPresent()) {
                logClosed(nodeCode, outbound, "outbound bridge=" + bridge.getName(), reason.get());
                outbound.fail(new ActiveMQSecurityException("link closed by node " + nodeCode + ": " + reason.get()));
                closed++;
            }
        }
        return closed;
    }

    private static Optional<String> revokedPeer(RemotingConnection connection, TlsRevocation revocation) {
        X509Certificate[] chain = CertificateUtil.getCertsFromConnection(connection);
        return chain == null || chain.length == 0 ? Optional.empty() : revocation.revoked(chain);
    }

    private static void logClosed(String nodeCode, RemotingConnection connection, String direction, String reason) {
        X509Certificate[] chain = CertificateUtil.getCertsFromConnection(connection);
        LOG.warn("event=tls-link-closed node={} peer={} direction={} remote={} reason=\"{}\"", nodeCode,
                PeerIdentity.named(chain[0]), direction, connection.getRemoteAddress(), reason);
    }
}
