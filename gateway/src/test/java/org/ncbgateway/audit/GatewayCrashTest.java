package org.ncbgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.cli.Ncb;
import org.ncbgateway.gateway.DropFolder;
import org.ncbgateway.gateway.LocalFederation;
import org.ncbgateway.gateway.NodeConfig;
import org.ncbgateway.gateway.SubmissionFile;
import org.ncbgateway.message.Priority;
import org.ncbgateway.testing.ExampleFederation;

/**
 * A real node ({@code ncb run}, embedded broker) killed with SIGKILL while it works through its drop
 * folder keeps a log that verifies up to its last complete entry and holds every message it acknowledged.
 */
class GatewayCrashTest {

    private static final int SUBMISSIONS = 100;
    private static final int ACKS_BEFORE_KILL = 10;

    @TempDir
    Path work;

    @Test
    void sigkill_while_sending_keeps_submitted_and_sent_of_every_acknowledged_message_in_a_verifiable_log()
            throws Exception {
        // DE is configured but never started: FR seals, logs and queues for it, its bridge retrying meanwhile
        LocalFederation federation = LocalFederation.prepare(ExampleFederation.dir(), work, List.of("FR", "DE"),
                Clock.systemUTC());
        NodeConfig fr = federation.config("FR");
        dropSubmissions(new DropFolder(fr.dropDir()));
        Path done = fr.dropDir().resolve("done");

        // C1 only: the node starts about twice as fast, and this test measures nothing
        Process node = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Ncb.class.getName(),
                "run", "--config", federation.configFile("FR").toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("FR-node.log").toFile())
                .start();
        Set<String> acknowledged;
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> acknowledged(done).size() >= ACKS_BEFORE_KILL);
        } finally {
            node.destroyForcibly();
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        acknowledged = acknowledged(done);
        assertThat(node.exitValue()).as("killed by SIGKILL, see FR-node.log").isEqualTo(137);
        assertThat(acknowledged).as("killed mid-stream").hasSizeBetween(ACKS_BEFORE_KILL, SUBMISSIONS - 1);

        Path log = fr.dataDir().resolve("log");
        LogAudit asLeft = verifier().verify(log);
        assertThat(asLeft.findings()).as("at most the torn last entry").allSatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.TORN_TAIL);
            assertThat(f.seq()).isEqualTo(asLeft.head().seq() + 1);
        });
        try (MessageLog reopened = MessageLog.open(log, "FR")) {
            assertThat(reopened.head().seq()).isEqualTo(asLeft.head().seq()
                    + (reopened.tornTail().isPresent() ? 1 : 0));
        }
        assertThat(verifier().verify(log).findings()).as("after recovery").isEmpty();

        Map<String, Set<EntryType>> logged = new HashMap<>();
        for (LogEntry entry : MessageLogTest.readAll(log)) {
            if (entry.meta().messageId() != null) {
                logged.computeIfAbsent(entry.meta().messageId(), id -> EnumSet.noneOf(EntryType.class))
                        .add(entry.meta().type());
            }
        }
        assertThat(acknowledged).allSatisfy(id -> assertThat(logged.get(id)).as(id)
                .isNotNull().contains(EntryType.SUBMITTED, EntryType.SENT));
    }

    private static void dropSubmissions(DropFolder drop) throws Exception {
        byte[] payload = Files.readAllBytes(ExampleFederation.repositoryRoot()
                .resolve("schemas/examples/valid/diffusion-ftf-wanted.json"));
        for (int i = 0; i < SUBMISSIONS; i++) {
            drop.submit(SubmissionFile.readPayload(payload, "diffusion", UUID.randomUUID(), List.of("DE"), List.of(),
                    Priority.NORMAL, Optional.empty()));
        }
    }

    /** The ids of the submissions the node has taken: moved to done/ once sealed, logged and queued. */
    private static Set<String> acknowledged(Path done) throws IOException {
        if (!Files.isDirectory(done)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .collect(Collectors.toSet());
        }
    }

    private static LogVerifier verifier() {
        return new LogVerifier(TrustedSigners.under(ExampleFederation.trust()),
                new WireMessageCheck(ExampleFederation.trust()));
    }
}
