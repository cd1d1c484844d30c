package org.ncbgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.cli.NcbTestAccess;
import org.ncbgateway.gateway.LocalFederation;
import org.ncbgateway.gateway.RecipientState;
import org.ncbgateway.gateway.Submission;
import org.ncbgateway.gateway.SubmissionFile;
import org.ncbgateway.message.Priority;
import org.ncbgateway.testing.ExampleFederation;

/**
 * Outage recovery: DE's log replayed into a fresh DE node (same identity, empty data folder, new port) through
 * `ncb audit replay --into queue:... --as FR`, over mutual TLS as the peer FR. Each message is delivered once;
 * replaying the same range again changes nothing.
 */
class ReplayIntoNodeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void replaying_received_messages_into_a_fresh_node_twice_delivers_each_once() throws Exception {
        Map<String, byte[]> payloads = new LinkedHashMap<>();
        try (LocalFederation original = LocalFederation.prepare(ExampleFederation.dir(), work.resolve("original"),
                List.of("FR", "DE"), Clock.systemUTC());
             LocalFederation fresh = LocalFederation.prepare(ExampleFederation.dir(), work.resolve("fresh"),
                     List.of("DE"), Clock.systemUTC())) {
            original.startAll();
            byte[] payload = Files.readAllBytes(ExampleFederation.repositoryRoot()
                    .resolve("schemas/examples/valid/diffusion-ftf-wanted.json"));
            for (int i = 0; i < 4; i++) {
                Submission diffusion = SubmissionFile.readPayload(payload, "diffusion", UUID.randomUUID(),
                        List.of("DE"), List.of(), Priority.NORMAL, Optional.empty());
                original.node("FR").submit(diffusion);
                payloads.put(diffusion.messageId().toString(), payload);
            }
            // DE goes down only once FR holds its receipts: the outage loses DE's data, not FR's view
            await().atMost(PATIENCE).until(() -> payloads.keySet().stream().allMatch(id -> original.node("FR")
                    .machinery().status().find(UUID.fromString(id))
                    .map(s -> s.count(RecipientState.DELIVERED) == 1).orElse(false)));
            assertThat(delivered(original.config("DE").deliveryDir())).hasSize(4);
            original.stop("DE");
            Path log = original.config("DE").messageLogDir();
            List<LogEntry> received = entries(log, EntryType.RECEIVED);
            assertThat(received).extracting(e -> e.meta().messageId())
                    .containsExactlyInAnyOrderElementsOf(payloads.keySet());

            // the fresh DE keeps its identity and knows where FR listens, so its receipts reach FR
            int frPort = original.config("FR").brokerListen().orElseThrow().port();
            Files.writeString(fresh.configFile("DE"), "peer.FR.endpoint=127.0.0.1:" + frPort + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            fresh.start("DE");
            Path delivery = fresh.config("DE").deliveryDir();
            String target = "queue:tcp://127.0.0.1:" + fresh.config("DE").brokerListen().orElseThrow().port();
            String asFr = original.configFile("FR").toString();
            String thirdSeq = Long.toString(received.get(2).seq());

            Replay first = replay(log, "--to", thirdSeq, "--into", target, "--as", asFr);
            assertThat(first.status).as(first.err).isZero();
            assertThat(first.out).contains("replayed 3 message(s) into " + target);
            await().atMost(PATIENCE).until(() -> delivered(delivery).size() == 3);

            Replay again = replay(log, "--to", thirdSeq, "--into", target, "--as", asFr);
            assertThat(again.status).as(again.err).isZero();
            // the fourth message, replayed after the repeated range, marks that the broker has seen the repeat
            Replay all = replay(log, "--into", target, "--as", asFr);
            assertThat(all.status).as(all.err).isZero();
            assertThat(all.out).contains("replayed 4 message(s)");
            await().atMost(PATIENCE).until(() -> delivered(delivery).size() == 4);

            Map<String, byte[]> files = delivered(delivery);
            assertThat(files).hasSize(4);
            payloads.forEach((id, bytes) -> assertThat(files.get("FR-diffusion-" + id + ".json"))
                    .as(id).isEqualTo(bytes));
            fresh.stop("DE");
            Path freshLog = fresh.config("DE").messageLogDir();
            for (EntryType type : List.of(EntryType.RECEIVED, EntryType.DELIVERED)) {
                assertThat(entries(freshLog, type)).as("each message %s once", type.wireName())
                        .extracting(e -> e.meta().messageId()).containsExactlyInAnyOrderElementsOf(payloads.keySet());
            }
            for (Replay replay : List.of(first, again, all)) {
                assertThat(replay.out + replay.err).doesNotContain(new String(ExampleFederation.password("FR")));
            }
        }
    }

    @Test
    void as_a_node_needs_a_queue_target_without_url_options() throws Exception {
        Path log = new LogScenario(work.resolve("logs")).fr;
        try (LocalFederation federation = LocalFederation.prepare(ExampleFederation.dir(), work.resolve("fed"),
                List.of("FR"), Clock.systemUTC())) {
            Replay folder = replay(log, "--into", "dir:" + work.resolve("out"), "--as",
                    federation.configFile("FR").toString());
            assertThat(folder.status).isEqualTo(2);
            assertThat(folder.err).contains("--as applies to a queue: target only");
            assertThat(work.resolve("out")).doesNotExist();

            Replay options = replay(log, "--into", "queue:tcp://127.0.0.1:1?sslEnabled=true", "--as",
                    federation.configFile("FR").toString());
            assertThat(options.status).isEqualTo(2);
            assertThat(options.err).contains("must be tcp://host:port without options");
        }
    }

    private record Replay(int status, String out, String err) {
    }

    private static Replay replay(Path log, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("audit", "replay", log.toString()));
        args.addAll(List.of(options));
        int status = NcbTestAccess.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Replay(status, out.toString(), err.toString());
    }

    private static List<LogEntry> entries(Path log, EntryType type) throws IOException {
        return MessageLogTest.readAll(log).stream().filter(e -> e.type() == type).toList();
    }

    private static Map<String, byte[]> delivered(Path folder) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
