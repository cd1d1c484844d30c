package org.ncbgateway.transport;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's TLS trust: the chain to the federation root (the JDK's PKIX check over the truststore), then
 * the CRL in force now ({@link TlsRevocation}), read at each handshake. A refusal is logged with this
 * node, the peer the certificate names, the direction and the reason, and fails the handshake.
 */
final class RevocationTrustManager extends X509ExtendedTrustManager {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationTrustManager.class);
    private static final String INBOUND = "inbound";
    private static final String OUTBOUND = "outbound";

    private final String nodeCode;
    private final X509ExtendedTrustManager chainCheck;
    private final TlsRevocation revocation;

    RevocationTrustManager(String nodeCode, X509ExtendedTrustManager chainCheck, TlsRevocation revocation) {
        this.nodeCode = nodeCode;
        this.chainCheck = chainCheck;
        this.revocation = revocation;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, INBOUND, remote(engine), () -> chainCheck.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, OUTBOUND, remote(engine), () -> chainCheck.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, INBOUND, remote(socket), () -> chainCheck.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, OUTBOUND, remote(socket), () -> chainCheck.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, INBOUND, "?", () -> chainCheck.checkClientTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, OUTBOUND, "?", () -> chainCheck.checkServerTrusted(chain, authType));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return chainCheck.getAcceptedIssuers();
    }

    private interface ChainCheck {
        void run() throws CertificateException;
    }

    private void check(X509Certificate[] chain, String direction, String remote, ChainCheck chainToRoot)
            throws CertificateException {
        String peer = chain == null || chain.length == 0 ? "?" : PeerIdentity.named(chain[0]);
        try {
            chainToRoot.run();
        } catch (CertificateException e) {
            refused(peer, direction, remote, "no chain to the federation root: " + e.getMessage());
            throw e;
        }
        Optional<String> revoked = revocation.revoked(chain);
        if (revoked.isPresent()) {
            refused(peer, direction, remote, revoked.get());
            throw new CertificateException("refused by node " + nodeCode + ": " + revoked.get());
        }
    }

    private void refused(String peer, String direction, String remote, String reason) {
        LOG.warn("event=tls-refused node={} peer={} direction={} remote={} reason=\"{}\"",
                nodeCode, peer, direction, remote, reason);
    }

    private static String remote(SSLEngine engine) {
        return engine == null || engine.getPeerHost() == null ? "?" : engine.getPeerHost() + ":" + engine.getPeerPort();
    }

    private static String remote(Socket socket) {
        return socket == null ? "?" : String.valueOf(socket.getRemoteSocketAddress());
    }
}
