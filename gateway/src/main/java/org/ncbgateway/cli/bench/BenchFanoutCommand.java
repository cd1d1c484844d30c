package org.ncbgateway.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.ncbgateway.cli.demo.DemoPayloads;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.directory.DirectoryCodec;
import org.ncbgateway.gateway.LocalFederation;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.gateway.Submission;
import org.ncbgateway.gateway.SubmissionFile;
import org.ncbgateway.message.Priority;
import org.ncbgateway.transport.Addresses;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ncb bench fanout}: every node of the federation on loopback (bureaus, hubs, secretariat, each its
 * own persistent broker over mutual TLS); FR sends its diffusion to {@code all}, and the figure is the
 * time from the submission until the last bureau has delivered it (and until the last receipt is back).
 */
@Command(name = "fanout", mixinStandardHelpOptions = true,
        description = "Measure the time from a diffusion to all until the last bureau of the federation delivered it.")
public final class BenchFanoutCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--federation", paramLabel = "DIR", description = "federation material (default: ${DEFAULT-VALUE})")
    Path federationDir = Path.of("certs-example");

    @Option(names = "--rounds", description = "measured diffusions, one after the other (default: ${DEFAULT-VALUE})")
    int rounds = 3;

    @CommandLine.Mixin
    RunFolderOption data;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] body = new DemoPayloads(Instant.now()).diffusion();
        RunFolder folder = data.create("ncb-bench-fanout-");
        Path work = folder.path();
        List<String> codes = codes(federationDir);
        try (LocalFederation federation = LocalFederation.prepare(federationDir, work, codes, Clock.systemUTC())) {
            long started = System.nanoTime();
            federation.startAll();
            err.printf(Locale.ROOT, "bench fanout: %d nodes started in %.1f s%n", codes.size(),
                    (System.nanoTime() - started) / 1e9);
            List<String> bureaus = bureaus(federation);
            for (int round = 0; round <= rounds; round++) {
                Map<String, Long> before = delivered(federation, bureaus);
                long start = System.nanoTime();
                Submission diffusion = SubmissionFile.readPayload(body, "bench", UUID.randomUUID(), List.of("all"),
                        List.of(), Priority.NORMAL, Optional.empty());
                federation.node("FR").submit(diffusion);
                while (!allDelivered(federation, bureaus, before)) {
                    Thread.sleep(5);
                }
                double last = (System.nanoTime() - start) / 1e9;
                while (!federation.node("FR").machinery().status().pending().isEmpty()) {
                    Thread.sleep(5);
                }
                double receipts = (System.nanoTime() - start) / 1e9;
                out.printf(Locale.ROOT, "fanout %s: FR -> all (%d bureaus, %d bytes): last delivered after %.3f s,"
                        + " last receipt back after %.3f s%n", round == 0 ? "warm-up" : "round " + round,
                        bureaus.size() - 1, body.length, last, receipts);
                out.flush();
            }
        }
        folder.succeeded();
        return 0;
    }

    /** Which nodes to start; each node verifies the signed directory itself. */
    private static List<String> codes(Path federationDir) throws Exception {
        FederationLayout layout = new FederationLayout(federationDir);
        Directory directory = DirectoryCodec.decode(Files.readAllBytes(layout.directoryJson()),
                layout.directoryJson().toString());
        return directory.nodes().stream().map(DirectoryNode::code).toList();
    }

    private static List<String> bureaus(LocalFederation federation) {
        return federation.codes().stream().filter(c -> !c.equals("GS") && !c.startsWith("HUB-")).toList();
    }

    private static Map<String, Long> delivered(LocalFederation federation, List<String> bureaus) {
        Map<String, Long> counts = new TreeMap<>();
        bureaus.forEach(b -> counts.put(b, federation.node(b).broker().messageCount(Addresses.DELIVER)));
        return counts;
    }

    private static boolean allDelivered(LocalFederation federation, List<String> bureaus, Map<String, Long> before) {
        return bureaus.stream().filter(b -> !b.equals("FR"))
                .allMatch(b -> federation.node(b).broker().messageCount(Addresses.DELIVER) > before.get(b));
    }
}
