package org.ncbgateway.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.remoting.impl.ssl.DefaultSSLContextFactory;
import org.apache.activemq.artemis.spi.core.remoting.ssl.SSLContextConfig;
import org.apache.activemq.artemis.spi.core.remoting.ssl.SSLContextFactory;

/**
 * The TLS contexts of a node broker's acceptor and bridges, whose trust follows the CRL in force
 * ({@link RevocationTrustManager}) instead of a CRL file read once at start. Artemis finds this class
 * through its {@code SSLContextFactory} service (META-INF/services) and asks it for every TLS context;
 * a context whose transport parameter {@code sslContext} is a key {@link #register}ed by a running
 * {@link NodeBroker} gets that node's live trust, any other is left to Artemis's default factory, so
 * an operator's broker with the gateway's jar on its class path behaves as before.
 */
public final class NodeTlsContexts implements SSLContextFactory {

    private static final String KEY_PREFIX = "ncb-node-tls-";
    private static final AtomicLong IDS = new AtomicLong();
    private static final Map<String, Registration> REGISTERED = new ConcurrentHashMap<>();

    private record Registration(String nodeCode, TlsRevocation revocation) {
    }

    private final SSLContextFactory artemisDefault = new DefaultSSLContextFactory();

    /** For Java's service loader. */
    public NodeTlsContexts() {
    }

    /** Makes {@code revocation} the trust of contexts asked for with the returned key (transport parameter {@code sslContext}). */
    static String register(String nodeCode, TlsRevocation revocation) {
        String key = KEY_PREFIX + nodeCode + "-" + IDS.incrementAndGet();
        REGISTERED.put(key, new Registration(nodeCode, revocation));
        return key;
    }

    static void unregister(String key) {
        REGISTERED.remove(key);
    }

    @Override
    public SSLContext getSSLContext(SSLContextConfig config, Map<String, Object> options) throws Exception {
        Object key = options == null ? null : options.get(TransportConstants.SSL_CONTEXT_PROP_NAME);
        if (key == null || !key.toString().startsWith(KEY_PREFIX)) {
            return artemisDefault.getSSLContext(config, options);
        }
        Registration node = REGISTERED.get(key.toString());
        if (node == null) {
            // never fall back to a trust without the CRL in force
            throw new IllegalStateException("TLS context " + key + " belongs to a node broker that is stopped");
        }
        return context(config, node);
    }

    @Override
    public int getPriority() {
        // above Artemis's own default factory (5), so that Artemis asks this one
        return 50;
    }

    private static SSLContext context(SSLContextConfig config, Registration node) throws GeneralSecurityException,
            IOException {
        char[] keyPassword = config.getKeystorePassword().toCharArray();
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(config.getKeystorePath(), keyPassword), keyPassword);
        Arrays.fill(keyPassword, '\0');
        char[] trustPassword = config.getTruststorePassword().toCharArray();
        TrustManagerFactory roots = TrustManagerFactory.getInstance("PKIX");
        roots.init(load(config.getTruststorePath(), trustPassword));
        Arrays.fill(trustPassword, '\0');
        X509ExtendedTrustManager chainCheck = Arrays.stream(roots.getTrustManagers())
                .filter(X509ExtendedTrustManager.class::isInstance).map(X509ExtendedTrustManager.class::cast)
                .findFirst().orElseThrow(() -> new GeneralSecurityException("PKIX gives no X509ExtendedTrustManager"));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(),
                new TrustManager[] {new RevocationTrustManager(node.nodeCode(), chainCheck, node.revocation())}, null);
        return context;
    }

    private static KeyStore load(String path, char[] password) throws GeneralSecurityException, IOException {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        }
    }
}
