package org.ncbgateway.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ncbgateway.pki.FederationLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ncb bench transport}: two node brokers on loopback (FR and DE of a federation folder), persistent
 * messages sent into FR's {@code ncb.out.DE}, forwarded by the TLS 1.3 bridge, consumed from DE's
 * {@code ncb.in}: messages per second end to end, every send and every hop synced to disk.
 */
@Command(name = "transport", mixinStandardHelpOptions = true,
        description = "Broker store-and-forward: persistent messages per second from one node's ncb.out.<HOP> "
                + "through the TLS bridge into the next hop's ncb.in (2 KB and 200 KB).")
public final class BenchTransportCommand implements Callable<Integer> {

    private static final String FROM = "FR";
    private static final String TO = "DE";

    @Option(names = "--federation", defaultValue = "certs-example", paramLabel = "DIR",
            description = "federation folder with the nodes' TLS keystores (default: ${DEFAULT-VALUE})")
    Path federation;

    @Option(names = "--count", defaultValue = "2000", description = "2 KB messages (default: ${DEFAULT-VALUE}); 200 KB: a tenth")
    int count;

    @Option(names = "--threads", defaultValue = "4", description = "sending threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Mixin
    RunFolderOption data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || threads < 1) {
            throw new ParameterException(spec.commandLine(), "--count and --threads must be positive");
        }
        FederationLayout layout = new FederationLayout(federation);
        if (!Files.isDirectory(layout.node(FROM)) || !Files.isDirectory(layout.node(TO))) {
            throw new ParameterException(spec.commandLine(), "--federation " + federation + ": no nodes/" + FROM
                    + " and nodes/" + TO + " folders (run from the repository root, or name a federation folder)");
        }
        PrintWriter out = spec.commandLine().getOut();
        RunFolder folder = data.create("ncb-bench-transport-");
        try (StoreAndForward brokers = StoreAndForward.start(layout, FROM, TO, folder.path())) {
            out.printf("ncb bench transport: %s ncb.out.%s -> TLS 1.3 core bridge -> %s ncb.in, persistent, journal "
                    + "synced, %d sending thread(s), cores=%d%n", FROM, TO, TO, threads,
                    Runtime.getRuntime().availableProcessors());
            brokers.seconds(2 * 1024, Math.min(count, 200), threads); // warm-up: connections, bridge, JIT, journal files
            report(out, 2 * 1024, count, brokers.seconds(2 * 1024, count, threads));
            int large = Math.max(1, count / 10);
            report(out, 200 * 1024, large, brokers.seconds(200 * 1024, large, threads));
            out.flush();
        }
        folder.succeeded();
        return 0;
    }

    private static void report(PrintWriter out, int size, int n, double seconds) {
        out.printf("%6s x %5d: %7.0f msgs/s end to end (%.1f MB/s)%n", size / 1024 + " KB", n, n / seconds,
                n * (double) size / seconds / 1e6);
    }
}
