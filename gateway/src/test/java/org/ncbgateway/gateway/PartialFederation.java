package org.ncbgateway.gateway;

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
 * listens and never answers, so the copies bound for it stay queued where they wait ({@code ncb.out.<HOP>}).
 */
public final class PartialFederation implements AutoCloseable {

    private final LocalFederation federation;
    private final ServerSocket silent;

    private PartialFederation(LocalFederation federation, ServerSocket silent) {
        this.federation = federation;
        this.silent = silent;
    }

    public static PartialFederation start(Path work, List<String> running) throws Exception {
        ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
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
