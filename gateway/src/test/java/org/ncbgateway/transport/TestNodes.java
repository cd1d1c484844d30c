package org.ncbgateway.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

/** Builds node brokers for tests: loopback, a free port, short bridge retry intervals. */
final class TestNodes {

    static final String LOOPBACK = "127.0.0.1";

    private TestNodes() {
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
