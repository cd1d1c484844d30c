package org.ncbgateway.transport;

import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.apache.activemq.artemis.utils.CertificateUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certificate login without JAAS. A connection over the TLS acceptor is the node named by its verified
 * client certificate: another node gets the role {@code peer}, this node's own certificate (its gateway
 * in external broker mode) the role {@code gateway}; a connection from inside this JVM (in-VM) is the
 * embedded broker's gateway. User names and passwords are ignored: nobody talks their way into an
 * identity.
 *
 * <p>An operator-run Artemis uses it from {@code bootstrap.xml} ({@code <security-manager>} with the
 * property {@code node}), which needs the public no-argument constructor and {@link #init}.
 */
public final class CertificateSecurityManager implements ActiveMQSecurityManager5 {

    static final String NODE_PROPERTY = "node";
    private static final Logger LOG = LoggerFactory.getLogger(CertificateSecurityManager.class);

    private String nodeCode;
    /**
     * The connections whose peer was logged: Artemis authenticates every message (its login cache is off,
     * see {@code BrokerConfiguration}), the log says who connected once per connection. Weak, so a closed
     * connection leaves nothing behind.
     */
    private final Set<RemotingConnection> announced = Collections.newSetFromMap(
            Collections.synchronizedMap(new WeakHashMap<>()));

    /** For {@code bootstrap.xml}; {@link #init} then names the node. */
    public CertificateSecurityManager() {
    }

    CertificateSecurityManager(String nodeCode) {
        this.nodeCode = Addresses.requireNodeCode(nodeCode);
    }

    @Override
    public CertificateSecurityManager init(Map<String, String> properties) {
        this.nodeCode = Addresses.requireNodeCode(properties.get(NODE_PROPERTY));
        return this;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (connection == null) {
            return null;
        }
        if (connection.getTransportConnection() instanceof InVMConnection) {
            return subject(nodeCode, Roles.GATEWAY);
        }
        X509Certificate[] chain = CertificateUtil.getCertsFromConnection(connection);
        if (chain == null || chain.length == 0) {
            LOG.warn("event=peer-refused node={} remote={} reason=\"no client certificate\"",
                    nodeCode, connection.getRemoteAddress());
            return null;
        }
        try {
            String peer = PeerIdentity.nodeCode(chain[0]);
            String role = peer.equals(nodeCode) ? Roles.GATEWAY : Roles.PEER;
            if (announced.add(connection)) {
                LOG.info("event=peer-authenticated node={} peer={} role={} remote={}",
                        nodeCode, peer, role, connection.getRemoteAddress());
            }
            return subject(peer, role);
        } catch (PeerIdentity.PeerRefusedException e) {
            LOG.warn("event=peer-refused node={} remote={} reason=\"{}\"",
                    nodeCode, connection.getRemoteAddress(), e.getMessage());
            return null;
        }
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        if (subject == null) {
            return false;
        }
        for (RolePrincipal principal : subject.getPrincipals(RolePrincipal.class)) {
            for (Role role : roles) {
                if (role.getName().equals(principal.getName()) && checkType.hasRole(role)) {
                    return true;
                }
            }
        }
        LOG.warn("event=access-denied node={} user={} check={} address={}",
                nodeCode, subject.getPrincipals(UserPrincipal.class), checkType, address);
        return false;
    }

    /** Password logins are never valid: identity comes from the connection alone. */
    @Override
    public boolean validateUser(String user, String password) {
        return false;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false;
    }

    private static Subject subject(String user, String role) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrincipals().add(new RolePrincipal(role));
        subject.setReadOnly();
        return subject;
    }
}
