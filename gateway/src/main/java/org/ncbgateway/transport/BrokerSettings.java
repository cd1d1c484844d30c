package org.ncbgateway.transport;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a node's embedded broker needs: whose it is, where its journal lives, where its TLS acceptor
 * listens and with which certificates, and its limits.
 */
public record BrokerSettings(String nodeCode, Path dataDir, String acceptorHost, int acceptorPort,
                             TlsMaterial tls, BrokerLimits limits) {

    public BrokerSettings {
        Addresses.requireNodeCode(nodeCode);
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(acceptorHost, "acceptorHost");
        Objects.requireNonNull(tls, "tls");
        limits = limits == null ? BrokerLimits.defaults() : limits;
        if (acceptorPort < 1 || acceptorPort > 65535) {
            throw new IllegalArgumentException("acceptor port " + acceptorPort + " is outside 1..65535");
        }
    }

    public Endpoint acceptor() {
        return new Endpoint(acceptorHost, acceptorPort);
    }

    public BrokerSettings withLimits(BrokerLimits newLimits) {
        return new BrokerSettings(nodeCode, dataDir, acceptorHost, acceptorPort, tls, newLimits);
    }
}
