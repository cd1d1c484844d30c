package org.ncbgateway.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ncbgateway.crypto.OuterVerifier;
import org.ncbgateway.gateway.LocalFederation;
import org.ncbgateway.gateway.MessageStatus;
import org.ncbgateway.gateway.RecipientStatus;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.FederationTrust;
import org.ncbgateway.pki.Pem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ncb demo}: a local federation of FR, DE, BE, NL, HUB-EUROPE, GS, HUB-AFRICA and NG from
 * {@code certs-example/}, each node with its own broker over TLS on loopback and fresh data, plays the
 * story of {@link DemoStory}, prints what every node did and every receipt, and exits 0 only when each
 * addressee that runs here received exactly what it should. The other nodes of the directory do not run:
 * their copies wait at the hubs.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a local federation (bureaus of two regions, their hubs, the secretariat) on loopback"
                + " and play diffusions, a reviewed notice and hits.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--federation", paramLabel = "DIR", description = "federation material (default: certs-example)")
    Path federationDir = Path.of("certs-example");

    @Option(names = "--work", paramLabel = "DIR", description = "where the nodes keep their data (default: a new temporary folder)")
    Path work;

    @Option(names = "--keep-running", description = "leave the federation up after the story, until Ctrl-C")
    boolean keepRunning;

    @Option(names = "--verbose", description = "show the nodes' logs (stderr) at INFO")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(federationDir.resolve("directory.p7s"))) {
            err.println("ncb demo: " + federationDir.toAbsolutePath() + ": no federation here (directory.p7s missing);"
                    + " run from the repository root or pass --federation");
            return 2;
        }
        try (DemoLogging quiet = verbose ? null : DemoLogging.quiet()) {
            return run(out, err);
        }
    }

    private int run(PrintWriter out, PrintWriter err) throws Exception {
        Path data = work != null ? Files.createDirectories(work) : Files.createTempDirectory("ncb-demo-");
        if (work != null && Files.list(data).findAny().isPresent()) {
            err.println("ncb demo: " + data + " is not empty; the demo starts from fresh data");
            return 2;
        }
        DemoStory story = new DemoStory(Instant.now());
        LocalFederation federation = LocalFederation.prepare(federationDir, data, DemoStory.NODES, Clock.systemUTC());
        int status;
        try {
            out.println("ncb demo: federation " + String.join(", ", DemoStory.NODES)
                    + " on loopback, one broker per node, mutual TLS; data in " + data);
            for (String code : DemoStory.NODES) {
                federation.start(code);
                out.println("  started " + code + "  (broker " + federation.config(code).brokerListen().orElseThrow()
                        + ", config " + federation.configFile(code) + ")");
                out.flush();
            }
            status = play(out, err, federation, story);
        } finally {
            // every node seals its log at shutdown, its hub countersigning the seal
            federation.close();
        }
        printAudit(out, federation);
        return status;
    }

    private int play(PrintWriter out, PrintWriter err, LocalFederation federation, DemoStory story) throws Exception {
        Instant start = Instant.now();
        try {
            new DemoPlay(out, federation, story).play();
        } catch (IllegalStateException e) {
            out.flush();
            err.println("ncb demo: FAILED: " + e.getMessage());
            return 1;
        }
        out.println();
        out.println("Timeline (from each node's message log):");
        DemoTimeline.print(out, federation, story.labels(), answeredBy(federation), start);
        out.println();
        printReceipts(out, federation, story);
        List<String> problems = DemoVerdict.problems(federation, story);
        out.println();
        if (problems.isEmpty()) {
            out.println("OK: every addressee received exactly what was addressed to it, and every issuer holds"
                    + " a signed delivered receipt from each recipient running here; the copies for the others"
                    + " wait at the hubs (pending).");
        } else {
            out.println("FAILED:");
            problems.forEach(p -> out.println("  - " + p));
        }
        out.flush();
        if (keepRunning) {
            awaitInterrupt(out, federation);
        }
        return problems.isEmpty() ? 0 : 1;
    }

    /** The one command an auditor runs on the logs the nodes left, sealed and witnessed at shutdown. */
    private void printAudit(PrintWriter out, LocalFederation federation) {
        StringBuilder command = new StringBuilder("java -jar gateway/target/ncb-gateway.jar audit verify");
        for (String code : federation.codes()) {
            command.append(' ').append(federation.config(code).messageLogDir());
        }
        command.append(" --root ").append(new FederationLayout(federationDir).rootCertificate())
                .append(" --directories ").append(federationDir);
        out.println();
        out.println("Audit every node's log (chain, seals, witnesses, signatures; each message sent to a node here"
                + " received there):");
        out.println("  " + command);
        out.flush();
    }

    /** Reads the header of a receipt's wire bytes, verified under the federation root, for what it answers. */
    private Function<byte[], Optional<UUID>> answeredBy(LocalFederation federation) throws Exception {
        OuterVerifier outer = new OuterVerifier(FederationTrust.of(Pem.certificate(
                new FederationLayout(federationDir).rootCertificate()), federation.node(DemoStory.NODES.get(0))
                .machinery().directory()), Clock.systemUTC());
        return wire -> {
            try {
                return Optional.ofNullable(outer.verify(wire).header().inReplyTo());
            } catch (RejectedException e) {
                return Optional.empty();
            }
        };
    }

    private static void printReceipts(PrintWriter out, LocalFederation federation, DemoStory story) {
        out.println("Receipts held by the issuers (ncb status):");
        for (DemoStory.Step step : story.steps()) {
            MessageStatus status = federation.node(step.sender()).machinery().status()
                    .find(step.submission().messageId()).orElseThrow();
            StringBuilder line = new StringBuilder("  " + step.sender() + "  " + step.label() + ":");
            for (RecipientStatus recipient : status.recipients()) {
                line.append("  ").append(recipient.recipient()).append(' ').append(recipient.state().wireName());
                if (recipient.code() != null) {
                    line.append(" (").append(recipient.code()).append(')');
                }
            }
            out.println(line);
        }
    }

    private static void awaitInterrupt(PrintWriter out, LocalFederation federation) throws InterruptedException {
        out.println();
        out.println("The federation keeps running; try, from another terminal:");
        for (String code : federation.codes()) {
            out.println("  java -jar gateway/target/ncb-gateway.jar status --config " + federation.configFile(code)
                    + " --pending");
        }
        out.println("Ctrl-C stops it.");
        out.flush();
        CountDownLatch interrupted = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(interrupted::countDown, "ncb-demo-stop"));
        interrupted.await();
    }
}
