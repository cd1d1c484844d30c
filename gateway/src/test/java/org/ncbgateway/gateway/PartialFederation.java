package org.ncbgateway.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.transport.AbsentPeersEndpoint;

/**
 * Some nodes of the example federation running on loopback. Every other node's endpoint is an
 * {@link AbsentPeersEndpoint}, so the copies bound for it stay queued where they wait ({@code ncb.out.<HOP>}).
 */
public final class PartialFederation implements AutoCloseable {

    private final LocalFederation federation;
    private final AbsentPeersEndpoint absent;

    private PartialFederation(LocalFederation federation, AbsentPeersEndpoint absent) {
        this.federation = federation;
        this.absent = absent;
    }

    public static PartialFederation start(Path work, List<String> running) throws Exception {
        AbsentPeersEndpoint absentPeers = AbsentPeersEndpoint.open();
        LocalFederation federation = LocalFederation.prepare(ExampleFederation.dir(), work, running, Clock.systemUTC());
        StringBuilder absent = new StringBuilder();
        ExampleFederation.directory().nodes().stream().map(n -> n.code()).filter(c -> !running.contains(c))
                .forEach(c -> absent.append("peer.").append(c).append(".endpoint=").append(absentPeers.hostPort())
                        .append('\n'));
        for (String code : running) {
            Files.writeString(federation.configFile(code), absent, StandardOpenOption.APPEND);
        }
        federation.startAll();
        return new PartialFederation(federation, absentPeers);
    }

    public LocalFederation federation() {
        return federation;
    }

    @Override
    public void close() throws Exception {
        try {
            federation.close();
        } finally {
            absent.close();
        }
    }
}
