package org.ncbgateway.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import org.ncbgateway.testing.ExampleFederation;

/**
 * Some nodes of the example federation running on loopback. Every other node's endpoint is a socket that
 * hangs up on every connection, so the copies bound for it stay queued where they wait ({@code ncb.out.<HOP>}).
 * Hanging up at once, rather than never answering, lets a node stop without waiting out its bridges' TLS
 * handshakes; the socket stays bound, so no other process can take the port and answer as that node.
 */
public final class PartialFederation implements AutoCloseable {

    private final LocalFederation federation;
    private final ServerSocket silent;

    private PartialFederation(LocalFederation federation, ServerSocket silent) {
        this.federation = federation;
        this.silent = silent;
    }

    public static PartialFederation start(Path work, List<String> running) throws Exception {
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread hangUp = new Thread(() -> hangUpOnEveryConnection(silent), "absent-nodes-endpoint");
        hangUp.setDaemon(true);
        hangUp.start();
        LocalFederation federation = LocalFederation.prepare(ExampleFederation.dir(), work, running, Clock.systemUTC());
        StringBuilder absent = new StringBuilder();
        ExampleFederation.directory().nodes().stream().map(n -> n.code()).filter(c -> !running.contains(c))
                .forEach(c -> absent.append("peer.").append(c).append(".endpoint=127.0.0.1:")
                        .append(silent.getLocalPort()).append('\n'));
        for (String code : running) {
            Files.writeString(federation.configFile(code), absent, StandardOpenOption.APPEND);
        }
        federation.startAll();
        return new PartialFederation(federation, silent);
    }

    private static void hangUpOnEveryConnection(ServerSocket endpoint) {
        while (!endpoint.isClosed()) {
            try {
                endpoint.accept().close();
            } catch (IOException closed) {
                // the federation is closing: the loop ends with the socket
            }
        }
    }

    public LocalFederation federation() {
        return federation;
    }

    @Override
    public void close() throws Exception {
        try {
            federation.close();
        } finally {
            silent.close();
        }
    }
}
