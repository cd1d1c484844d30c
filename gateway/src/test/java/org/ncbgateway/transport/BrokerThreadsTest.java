package org.ncbgateway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker's thread pool is sized for the cores plus its bridges: bridges stuck connecting to peers that never
 * answer (the peer's kernel accepts the TCP connection, nobody answers the TLS handshake) hold a pool thread each
 * for the handshake timeout, and must not starve the node's own work. With a pool of two threads per core and no
 * room for the bridges, this node's stop took over two minutes instead of one handshake timeout.
 */
class BrokerThreadsTest {

    private static final long DELIVERY_PATIENCE_MILLIS = 5_000;
    /** One handshake timeout (10 s) and a margin for a loaded machine. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private final List<ServerSocket> silentPeers = new ArrayList<>();
    private NodeBroker be;

    @AfterEach
    void stop() throws IOException {
        be.stop();
        for (ServerSocket peer : silentPeers) {
            peer.close();
        }
    }

    @Test
    void a_node_whose_peers_never_answer_the_handshake_still_delivers_and_stops() throws Exception {
        be = new NodeBroker(TestNodes.settings("BE", temp));
        be.start();
        // more hung bridges than the pool has threads for the broker's own work
        be.updateNextHops(silentHops(BrokerThreads.ownWork() + 2));

        String id = UUID.randomUUID().toString();
        JmsHelper.send(be.connectionFactory(), Addresses.DELIVER, id, new byte[64]);
        assertThat(JmsHelper.drainIds(be.connectionFactory(), Addresses.DELIVER, 1, DELIVERY_PATIENCE_MILLIS))
                .containsExactly(id);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(be::stop);
        await().atMost(STOP_PATIENCE).until(stopping::isDone);
        assertThat(be.isStarted()).isFalse();
    }

    /** Listening sockets never accepted from: the kernel completes the TCP handshake, nobody the TLS one. */
    private Map<String, Endpoint> silentHops(int count) throws IOException {
        Map<String, Endpoint> hops = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            ServerSocket peer = new ServerSocket(0, 50, InetAddress.getByName(TestNodes.LOOPBACK));
            silentPeers.add(peer);
            hops.put("X" + (char) ('A' + i), new Endpoint(TestNodes.LOOPBACK, peer.getLocalPort()));
        }
        return hops;
    }
}
