package org.ncbgateway.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
 * {@code ncb demo}: a local federation of FR, DE and BE from {@code certs-example/}, each node with its own
 * broker over TLS on loopback and fresh data, plays a foreign-fighter diffusion and its follow-ups, prints
 * what every node did and every receipt, and exits 0 only when each addressee received exactly what it
 * should.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a local federation (FR, DE, BE) on loopback and play a diffusion and its follow-ups.")
public final class DemoCommand implements Callable<Integer> {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);

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
        if (!verbose) {
            DemoLogging.quiet();
        }
        Path data = work != null ? Files.createDirectories(work) : Files.createTempDirectory("ncb-demo-");
        if (work != null && Files.list(data).findAny().isPresent()) {
            err.println("ncb demo: " + data + " is not empty; the demo starts from fresh data");
            return 2;
        }
        DemoStory story = new DemoStory(Instant.now());
        LocalFederation federation = LocalFederation.prepare(federationDir, data, DemoStory.NODES, Clock.systemUTC());
        try {
            out.println("ncb demo: federation " + String.join(", ", DemoStory.NODES)
                    + " on loopback, one broker per node, mutual TLS; data in " + data);
            for (String code : DemoStory.NODES) {
                federation.start(code);
                out.println("  started " + code + "  (broker " + federation.config(code).brokerListen().orElseThrow()
                        + ", config " + federation.configFile(code) + ")");
            }
            out.flush();
            Instant start = Instant.now();
            play(out, federation, story);
            out.println();
            out.println("Timeline (from each node's message log):");
            DemoTimeline.print(out, federation, story.labels(), answeredBy(federation), start);
            out.println();
            printReceipts(out, federation, story);
            List<String> problems = DemoVerdict.problems(federation, story);
            out.println();
            if (problems.isEmpty()) {
                out.println("OK: every addressee received exactly what was addressed to it, and every issuer holds"
                        + " a signed delivered receipt from each recipient.");
            } else {
                out.println("FAILED:");
                problems.forEach(p -> out.println("  - " + p));
            }
            out.flush();
            if (keepRunning) {
                awaitInterrupt(out, federation);
            }
            return problems.isEmpty() ? 0 : 1;
        } finally {
            federation.close();
        }
    }

    private static void play(PrintWriter out, LocalFederation federation, DemoStory story) throws Exception {
        out.println();
        out.println("Story:");
        for (DemoStory.Step step : story.steps()) {
            out.println("  " + step.sender() + " sends " + step.label() + " to " + String.join(", ", step.submission().to())
                    + "  [message " + step.submission().messageId() + "]");
            out.flush();
            federation.node(step.sender()).submit(step.submission());
            ReceiptWait.untilAnswered(federation.node(step.sender()).machinery().status(),
                    step.submission().messageId(), STEP_TIMEOUT);
        }
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
