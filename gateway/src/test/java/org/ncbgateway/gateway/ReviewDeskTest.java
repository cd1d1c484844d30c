package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.json.StrictJson;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.notice.NoticeValidator;

class ReviewDeskTest {

    private static final ObjectMapper JSON = StrictJson.mapper();
    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    @TempDir
    Path dir;
    ReviewQueue queue;
    ReviewDesk desk;
    MessageHeader requestHeader;

    @BeforeEach
    void a_red_notice_request_from_fr_is_held() throws IOException {
        queue = ReviewQueue.open(dir.resolve("review"));
        desk = new ReviewDesk(queue, new IssuedIds("GS", dir.resolve("issued-ids")), new DropFolder(dir.resolve("drop")),
                new NoticeValidator(), Clock.fixed(NOW, ZoneOffset.UTC));
        requestHeader = new MessageHeader(UUID.randomUUID(), MessageKind.NOTICE_REQUEST, "FR", List.of("GS"),
                List.of(), NOW.minusSeconds(60), NOW.plusSeconds(3600), null, Priority.NORMAL);
        queue.hold(requestHeader.messageId(), "FR", redRequest(), NOW.minusSeconds(30));
    }

    /** The published red notice example turned back into the request FR sent. */
    private static byte[] redRequest() throws IOException {
        Path example = Path.of(System.getProperty("ncb.repo.root", "..")).resolve("schemas/examples/valid/notice-red.json");
        ObjectNode request = (ObjectNode) JSON.readTree(Files.readAllBytes(example));
        request.put("kind", "notice-request");
        request.put("id", "FR-2026-000120");
        request.remove("requestId");
        return JSON.writeValueAsBytes(request);
    }

    private Map<String, JsonNode> dropped() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("drop"))) {
            return files.map(this::read).collect(Collectors.toMap(n -> n.path("payload").path("kind").asText(),
                    Function.identity()));
        }
    }

    private JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void holding_the_same_request_twice_keeps_one() throws IOException {
        queue.hold(requestHeader.messageId(), "FR", redRequest(), NOW);
        assertThat(queue.pending()).singleElement().satisfies(item -> {
            assertThat(item.requestId()).isEqualTo("FR-2026-000120");
            assertThat(item.from()).isEqualTo("FR");
            assertThat(item.colour()).isEqualTo("red");
        });
    }

    @Test
    void publish_issues_the_notice_to_all_minus_the_excluded_and_answers_the_requester() throws Exception {
        ReviewItem item = desk.publish("FR-2026-000120", List.of());

        assertThat(queue.pending()).isEmpty();
        assertThat(item.decision()).get().satisfies(d -> assertThat(d.noticeId()).contains("GS-2026-000001"));
        Map<String, JsonNode> dropped = dropped();
        JsonNode notice = dropped.get("notice");
        assertThat(notice.path("to").toString()).isEqualTo("[\"all\"]");
        assertThat(notice.path("excluded").toString()).isEqualTo("[\"BE\"]");
        assertThat(notice.path("payload").path("id").asText()).isEqualTo("GS-2026-000001");
        assertThat(notice.path("payload").path("requestId").asText()).isEqualTo("FR-2026-000120");
        assertThat(notice.path("payload").path("issuer").path("bureau").asText()).isEqualTo("FR");
        JsonNode answer = dropped.get("review-decision");
        assertThat(answer.path("to").toString()).isEqualTo("[\"FR\"]");
        assertThat(answer.path("inReplyTo").asText()).isEqualTo(requestHeader.messageId().toString());
        assertThat(answer.path("payload").path("decision").asText()).isEqualTo("published");
        assertThat(answer.path("payload").path("noticeId").asText()).isEqualTo("GS-2026-000001");
        assertThat(answer.path("payload").path("id").asText()).isEqualTo("GS-2026-000002");
    }

    @Test
    void publish_to_restricted_addressees() throws Exception {
        desk.publish("FR-2026-000120", List.of("region:EUROPE", "MA"));
        assertThat(dropped().get("notice").path("to").toString()).isEqualTo("[\"region:EUROPE\",\"MA\"]");
    }

    @Test
    void publishing_again_sends_the_same_messages_under_the_same_ids() throws Exception {
        desk.publish("FR-2026-000120", List.of());
        Map<String, JsonNode> first = dropped();
        desk.publish("FR-2026-000120", List.of());
        assertThat(dropped()).isEqualTo(first);
        assertThat(first.get("notice").path("payload").path("id").asText()).isEqualTo("GS-2026-000001");
    }

    @Test
    void refuse_answers_with_the_reason_and_publishes_nothing() throws Exception {
        desk.refuse("FR-2026-000120", "the warrant reference cannot be verified");
        Map<String, JsonNode> dropped = dropped();
        assertThat(dropped).containsOnlyKeys("review-decision");
        assertThat(dropped.get("review-decision").path("payload").path("reason").asText())
                .isEqualTo("the warrant reference cannot be verified");
    }

    @Test
    void refuses_to_reverse_a_decision() throws Exception {
        desk.publish("FR-2026-000120", List.of());
        assertThatThrownBy(() -> desk.refuse("FR-2026-000120", "changed our mind"))
                .isInstanceOf(ReviewException.class)
                .hasMessageStartingWith("notice request FR-2026-000120 was already published at");
    }

    @Test
    void refuses_a_refusal_without_reason_and_an_unknown_request() {
        assertThatThrownBy(() -> desk.refuse("FR-2026-000120", " ")).isInstanceOf(ReviewException.class)
                .hasMessage("a refusal needs a reason for the requesting bureau");
        assertThatThrownBy(() -> desk.publish("FR-2026-000999", List.of())).isInstanceOf(ReviewException.class)
                .hasMessage("no notice request FR-2026-000999 in the review queue");
    }
}
