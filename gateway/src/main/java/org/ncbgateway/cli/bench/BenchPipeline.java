package org.ncbgateway.cli.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ncbgateway.gateway.GatewayNode;
import org.ncbgateway.gateway.LocalFederation;
import org.ncbgateway.transport.AbsentPeersEndpoint;

/**
 * The running federation of a benchmark (see {@link BenchFederationFolder}): every live node with its
 * embedded persistent broker over mutual TLS and its message log, a drain on each receiver's
 * {@code ncb.deliver}, and a watch on the sender's receipts. Nodes that do not run have an endpoint
 * that accepts connections and never answers, so their copies stay queued where they are.
 */
final class BenchPipeline implements AutoCloseable {

    private final AbsentPeersEndpoint absent;
    private final BenchFederationFolder folder;
    private final LocalFederation federation;
    private final List<DeliverDrain> drains = new ArrayList<>();
    private ReceiptWatch watch;

    private BenchPipeline(AbsentPeersEndpoint absent, BenchFederationFolder folder, LocalFederation federation) {
        this.absent = absent;
        this.folder = folder;
        this.federation = federation;
    }

    static BenchPipeline start(Path work, int maxRecipients, NanoClock clock) throws Exception {
        AbsentPeersEndpoint absent = AbsentPeersEndpoint.open();
        BenchPipeline pipeline = null;
        try {
            BenchFederationFolder folder = BenchFederationFolder.create(work.resolve("federation"), maxRecipients,
                    absent.hostPort(), clock.instant());
            pipeline = new BenchPipeline(absent, folder, LocalFederation.prepare(folder.dir(), work.resolve("nodes"),
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
                absent.close();
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
            absent.close();
        }
    }
}
