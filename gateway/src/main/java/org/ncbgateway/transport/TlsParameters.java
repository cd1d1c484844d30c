package org.ncbgateway.transport;

import java.util.HashMap;
import java.util.Map;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;

/**
 * Netty transport parameters for TLS 1.3 with this node's stores. Built as a map rather than a URI so
 * that store passwords never appear in a URI, a log line or a configuration dump.
 */
final class TlsParameters {

    static final String TLS_VERSION = "TLSv1.3";
    private static final String STORE_TYPE = "PKCS12";

    private TlsParameters() {
    }

    /**
     * The acceptor peers' bridges and the operator's clients connect to: client certificates required,
     * trust from the node's live TLS context ({@link NodeTlsContexts}: the root and the CRL in force).
     */
    static Map<String, Object> acceptor(Endpoint listen, TlsMaterial tls, String liveTrust) {
        Map<String, Object> params = common(listen, tls);
        params.put(TransportConstants.NEED_CLIENT_AUTH_PROP_NAME, true);
        params.put(TransportConstants.PROTOCOLS_PROP_NAME, "CORE,AMQP");
        params.put(TransportConstants.SSL_CONTEXT_PROP_NAME, liveTrust);
        return params;
    }

    /** A bridge's connection to a peer's acceptor, refusing a peer whose certificate the CRL in force revokes. */
    static Map<String, Object> bridgeConnector(Endpoint target, TlsMaterial tls, String liveTrust) {
        Map<String, Object> params = connector(target, tls);
        params.put(TransportConstants.SSL_CONTEXT_PROP_NAME, liveTrust);
        return params;
    }

    /**
     * A connection to a peer's or an external broker's acceptor, presenting this node's certificate.
     * The peer is authenticated by its chain to the federation root; its host name is not checked,
     * because federation certificates name nodes, not hosts.
     */
    static Map<String, Object> connector(Endpoint target, TlsMaterial tls) {
        Map<String, Object> params = common(target, tls);
        params.put(TransportConstants.VERIFY_HOST_PROP_NAME, false);
        return params;
    }

    private static Map<String, Object> common(Endpoint endpoint, TlsMaterial tls) {
        Map<String, Object> params = new HashMap<>();
        params.put(TransportConstants.HOST_PROP_NAME, endpoint.host());
        params.put(TransportConstants.PORT_PROP_NAME, endpoint.port());
        params.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
        params.put(TransportConstants.ENABLED_PROTOCOLS_PROP_NAME, TLS_VERSION);
        params.put(TransportConstants.KEYSTORE_TYPE_PROP_NAME, STORE_TYPE);
        params.put(TransportConstants.KEYSTORE_PATH_PROP_NAME, tls.keyStore().toString());
        params.put(TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, new String(tls.keyStorePassword().get()));
        params.put(TransportConstants.TRUSTSTORE_TYPE_PROP_NAME, STORE_TYPE);
        params.put(TransportConstants.TRUSTSTORE_PATH_PROP_NAME, tls.trustStore().toString());
        params.put(TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME, new String(tls.trustStorePassword().get()));
        return params;
    }
}
