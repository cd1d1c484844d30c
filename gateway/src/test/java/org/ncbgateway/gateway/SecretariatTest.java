package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.cli.Ncb;
import org.ncbgateway.json.StrictJson;
import org.ncbgateway.message.Priority;
import org.ncbgateway.transport.Addresses;
import org.ncbgateway.transport.NodeBroker;
import picocli.CommandLine;

/**
 * The notice workflow on loopback brokers over TLS: NG asks the secretariat through HUB-AFRICA, the
 * reviewer publishes or refuses with {@code ncb review}, and the notice and the decision come back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretariatTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = StrictJson.mapper();

    PartialFederation running;
    LocalFederation federation;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        running = PartialFederation.start(work, List.of("NG", "HUB-AFRICA", "GS"));
        federation = running.federation();
    }

    @AfterAll
    void stop() throws Exception {
        running.close();
    }

    private Submission request(String id) throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(GatewayFixtures.validExample("notice-request-yellow.json"));
        request.put("id", id);
        ((ObjectNode) request.get("issuer")).put("bureau", "NG");
        ((ObjectNode) request.get("caveats")).putArray("excludedBureaus").add("TN");
        return SubmissionFile.readPayload(JSON.writeValueAsBytes(request), id, UUID.randomUUID(), List.of("GS"),
                List.of(), Priority.NORMAL, Optional.empty());
    }

    private void review(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Ncb());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int status = cli.execute(args);
        assertThat(status).as(out.toString()).isZero();
    }

    private Optional<JsonNode> deliveredAtNg(String kind, String field, String value) throws IOException {
        Path folder = federation.config("NG").deliveryDir();
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("GS-" + kind + "-")).toList()) {
                JsonNode payload = JSON.readTree(Files.readAllBytes(file));
                if (value.equals(payload.path(field).asText())) {
                    return Optional.of(payload);
                }
            }
        }
        return Optional.empty();
    }

    private void awaitHeld(String requestId) throws IOException {
        ReviewQueue queue = ReviewQueue.open(ReviewQueue.dir(federation.config("GS")));
        await().atMost(PATIENCE).until(() -> queue.find(requestId).isPresent());
    }

    @Test
    void a_published_request_comes_back_as_a_notice_to_all_but_the_excluded_and_a_decision() throws Exception {
        federation.node("NG").submit(request("NG-2026-000777"));
        awaitHeld("NG-2026-000777");

        review("review", "publish", "--config", federation.configFile("GS").toString(), "NG-2026-000777");

        await().atMost(PATIENCE).until(() -> deliveredAtNg("review-decision", "requestId", "NG-2026-000777")
                .isPresent());
        JsonNode decision = deliveredAtNg("review-decision", "requestId", "NG-2026-000777").orElseThrow();
        assertThat(decision.path("decision").asText()).isEqualTo("published");
        String noticeId = decision.path("noticeId").asText();
        await().atMost(PATIENCE).until(() -> deliveredAtNg("notice", "id", noticeId).isPresent());
        JsonNode notice = deliveredAtNg("notice", "id", noticeId).orElseThrow();
        assertThat(notice.path("requestId").asText()).isEqualTo("NG-2026-000777");
        assertThat(notice.path("issuer").path("bureau").asText()).isEqualTo("NG");
        await().atMost(PATIENCE).until(() -> federation.node("HUB-AFRICA").broker()
                .messageCount(Addresses.OUT_PREFIX + "MA") >= 1);
        assertThat(federation.node("HUB-AFRICA").broker().messageCount(Addresses.OUT_PREFIX + "TN")).isNotPositive();
    }

    @Test
    void each_route_thread_reads_its_queue_through_its_own_consumer_and_no_other() throws Exception {
        federation.node("NG").submit(request("NG-2026-000779"));
        awaitHeld("NG-2026-000779");

        // a consumer left over in a shared session would hold what the broker pushes to it, unread
        NodeBroker gs = federation.node("GS").broker();
        assertThat(gs.consumerCount(Addresses.DELIVER)).as("hold-for-review").isEqualTo(1);
        assertThat(gs.consumerCount(Addresses.IN)).as("receive")
                .isEqualTo(federation.config("GS").inboundConsumers());
    }

    @Test
    void a_refused_request_is_answered_with_the_reason() throws Exception {
        federation.node("NG").submit(request("NG-2026-000778"));
        awaitHeld("NG-2026-000778");

        review("review", "refuse", "--config", federation.configFile("GS").toString(), "NG-2026-000778",
                "--reason", "the subject is already the object of a published notice");

        await().atMost(PATIENCE).until(() -> deliveredAtNg("review-decision", "requestId", "NG-2026-000778")
                .isPresent());
        JsonNode decision = deliveredAtNg("review-decision", "requestId", "NG-2026-000778").orElseThrow();
        assertThat(decision.path("decision").asText()).isEqualTo("refused");
        assertThat(decision.path("reason").asText()).isEqualTo("the subject is already the object of a published notice");
    }
}
