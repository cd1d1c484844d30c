package org.ncbgateway.transport;

import java.util.Set;
import org.apache.activemq.artemis.core.security.Role;

/** The two kinds of broker user: the node's own gateway, and a federation peer. */
final class Roles {

    /** The local gateway, connected in-VM: every right on every address. */
    static final String GATEWAY = "gateway";
    /** Another node, authenticated by its TLS certificate: may only send to {@code ncb.in}. */
    static final String PEER = "peer";

    private Roles() {
    }

    static Role gatewayRole() {
        return new Role(GATEWAY, true, true, true, true, true, true, true, true, true, true, true, true);
    }

    /** Send only: no consume, browse, create, delete or manage. */
    static Role peerSendOnly() {
        return new Role(PEER, true, false, false, false, false, false, false, false, false, false, false, false);
    }

    static Set<Role> everywhere() {
        return Set.of(gatewayRole());
    }

    static Set<Role> inbox() {
        return Set.of(gatewayRole(), peerSendOnly());
    }
}
