package org.ncbgateway.cli.bench;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ncbgateway.gateway.GatewayNode;
import org.ncbgateway.gateway.LocalFederation;

/**
 * The running federation of a benchmark (see {@link BenchFederationFolder}): every live node with its
 * embedded persistent broker over mutual TLS and its message log, a drain on each receiver's
 * {@code ncb.deliver}, and a watch on the sender's receipts. Nodes that do not run have an endpoint
 * that accepts connections and never answers, so their copies stay queued where they are.
 */
final class BenchPipeline implements AutoCloseable {

    private final ServerSocket silent;
    private final BenchFederationFolder folder;
    private final LocalFederation federation;
    private final List<DeliverDrain> drains = new ArrayList<>();
    private ReceiptWatch watch;

    private BenchPipeline(ServerSocket silent, BenchFederationFolder folder, LocalFederation federation) {
        this.silent = silent;
        this.folder = folder;
        this.federation = federation;
    }

    static BenchPipeline start(Path work, int maxRecipients, NanoClock clock) throws Exception {
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        BenchPipeline pipeline = null;
        try {
            BenchFederationFolder folder = BenchFederationFolder.create(work.resolve("federation"), maxRecipients,
                    "127.0.0.1:" + silent.getLocalPort(), clock.instant());
            pipeline = new BenchPipeline(silent, folder, LocalFederation.prepare(folder.dir(), work.resolve("nodes"),
                    BenchFederationFolder.liveNodes(), clock));
            pipeline.federation.startAll();
            for (String code : BenchFederationFolder.LIVE_RECIPIENTS) {
                pipeline.drains.add(new DeliverDrain(pipeline.federation.node(code)));
            }
            pipeline.watch = new ReceiptWatch(pipeline.sender().machinery().status());
            return pipeline;
        } catch (Exception | Error e) {
            if (pipeline != null) {
                pipeline.close();
            } else {
                silent.close();
            }
            throw e;
        }
    }

    BenchFederationFolder folder() {
        return folder;
    }

    GatewayNode sender() {
        return federation.node(BenchFederationFolder.SENDER);
    }

    GatewayNode node(String code) {
        return federation.node(code);
    }

    ReceiptWatch watch() {
        return watch;
    }

    @Override
    public void close() throws Exception {
        try {
            if (watch != null) {
                watch.close();
            }
            for (DeliverDrain drain : drains) {
                drain.close();
            }
            federation.close();
        } finally {
            silent.close();
        }
    }
}
