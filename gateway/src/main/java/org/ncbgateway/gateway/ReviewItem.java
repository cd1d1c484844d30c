package org.ncbgateway.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.ncbgateway.json.StrictJson;

/**
 * One notice request in the secretariat's review queue: who asked, when, the verified request
 * payload, and the decision once taken.
 */
public record ReviewItem(String requestId, UUID messageId, String from, Instant receivedAt, JsonNode request,
                         Optional<Decision> decision) {

    private static final ObjectMapper JSON = StrictJson.mapper();

    /**
     * A reviewer's decision: {@code published} with the notice id and its addressing, or {@code refused}
     * with the reason; the message ids of what the secretariat sends are fixed here, so that sending
     * again after a crash is recognised as the same message by every receiver.
     */
    public record Decision(String decision, Instant decidedAt, Optional<String> noticeId, List<String> to,
                           List<String> excluded, Optional<String> reason, String answerId, UUID noticeMessageId,
                           UUID answerMessageId) {

        public Decision {
            Objects.requireNonNull(decision, "decision");
            to = List.copyOf(to);
            excluded = List.copyOf(excluded);
        }

        public boolean published() {
            return "published".equals(decision);
        }
    }

    public ReviewItem {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(decision, "decision");
    }

    public String colour() {
        return request.path("colour").asText("-");
    }

    ReviewItem decided(Decision taken) {
        return new ReviewItem(requestId, messageId, from, receivedAt, request, Optional.of(taken));
    }

    byte[] toJson() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("requestId", requestId);
        root.put("messageId", messageId.toString());
        root.put("from", from);
        root.put("receivedAt", receivedAt.toString());
        root.set("request", request);
        decision.ifPresent(d -> {
            ObjectNode node = root.putObject("decision");
            node.put("decision", d.decision());
            node.put("decidedAt", d.decidedAt().toString());
            d.noticeId().ifPresent(id -> node.put("noticeId", id));
            d.to().forEach(node.putArray("to")::add);
            d.excluded().forEach(node.putArray("excluded")::add);
            d.reason().ifPresent(r -> node.put("reason", r));
            node.put("answerId", d.answerId());
            node.put("noticeMessageId", d.noticeMessageId().toString());
            node.put("answerMessageId", d.answerMessageId().toString());
        });
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    static ReviewItem fromJson(JsonNode root, String source) throws IOException {
        Optional<Decision> decision = Optional.empty();
        JsonNode d = root.get("decision");
        if (d != null) {
            decision = Optional.of(new Decision(d.path("decision").asText(), instant(d, "decidedAt", source),
                    text(d, "noticeId"), list(d.path("to")), list(d.path("excluded")), text(d, "reason"),
                    d.path("answerId").asText(), ReviewQueue.uuid(d, "noticeMessageId", source),
                    ReviewQueue.uuid(d, "answerMessageId", source)));
        }
        return new ReviewItem(root.path("requestId").asText(), ReviewQueue.uuid(root, "messageId", source),
                root.path("from").asText(), instant(root, "receivedAt", source), root.path("request"), decision);
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }

    private static List<String> list(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Instant instant(JsonNode node, String field, String source) throws IOException {
        try {
            return Instant.parse(node.path(field).asText());
        } catch (DateTimeParseException e) {
            throw new IOException(source + ": /" + field + ": not an instant", e);
        }
    }
}
