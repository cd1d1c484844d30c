package org.ncbgateway.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.ncbgateway.testing.ExampleFederation;

/**
 * Builds node brokers for tests: the example federation's TLS stores and CRL, loopback, a free port
 * (never the directory's fixed endpoint), short bridge retry intervals.
 */
final class TestNodes {

    static final String LOOPBACK = "127.0.0.1";

    private TestNodes() {
    }

    static TlsMaterial exampleTls(String code) {
        return new TlsMaterial(ExampleFederation.tlsKeyStore(code), () -> ExampleFederation.password(code),
                ExampleFederation.trustStore(), ExampleFederation::trustStorePassword, ExampleFederation.crlPem());
    }

    static BrokerSettings settings(String code, Path dataRoot) throws IOException {
        return settings(code, dataRoot, exampleTls(code));
    }

    static BrokerSettings settings(String code, Path dataRoot, TlsMaterial tls) throws IOException {
        return new BrokerSettings(code, dataRoot.resolve(code), LOOPBACK, freePort(), tls,
                BrokerLimits.defaults().withBridgeRetry(Duration.ofMillis(100), Duration.ofMillis(500)));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }
}
