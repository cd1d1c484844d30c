package org.ncbgateway.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ncbgateway.json.StrictJson;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;

/**
 * The format of a file in a node's drop folder: the payload and its addressing in one JSON object,
 * <pre>{"messageId": "...", "to": ["DE", "region:EUROPE"], "excluded": ["NL"], "priority": "urgent",
 *  "inReplyTo": "...", "payload": { ...the payload... }}</pre>
 * Only {@code to} and {@code payload} are required. {@code ncb send} writes this format.
 */
public final class SubmissionFile {

    private static final ObjectMapper JSON = StrictJson.mapper();
    private static final Set<String> FIELDS = Set.of("messageId", "to", "excluded", "priority", "inReplyTo", "payload");

    private SubmissionFile() {
    }

    public static byte[] write(Submission submission) {
        ObjectNode root = JSON.createObjectNode();
        root.put("messageId", submission.messageId().toString());
        submission.to().forEach(root.putArray("to")::add);
        submission.excluded().forEach(root.putArray("excluded")::add);
        root.put("priority", submission.priority().wireName());
        submission.inReplyTo().ifPresent(id -> root.put("inReplyTo", id.toString()));
        try {
            root.set("payload", JSON.readTree(submission.payload()));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("payload of " + submission.messageId() + " is not JSON", e);
        }
    }

    /** Reads a submission; {@code source} names the file in error messages. */
    public static Submission read(byte[] content, String source) throws SubmissionException {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (java.io.IOException e) {
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new SubmissionException(source + ": not a JSON submission: " + reason, e);
        }
        if (root == null || !root.isObject()) {
            throw new SubmissionException(source + ": a submission is a JSON object");
        }
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new SubmissionException(source + ": /" + name + ": unknown field (known: " + FIELDS + ")");
            }
        }
        JsonNode payload = root.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new SubmissionException(source + ": /payload: required, a JSON object");
        }
        try {
            return submission(payload, JSON.writeValueAsBytes(payload), source, "/payload",
                    optionalUuid(root, "messageId", source).orElseGet(UUID::randomUUID),
                    codes(root, "to", source, true), codes(root, "excluded", source, false),
                    priority(root, source), optionalUuid(root, "inReplyTo", source));
        } catch (JsonProcessingException e) {
            throw new SubmissionException(source + ": /payload: cannot be written back: " + e.getOriginalMessage(), e);
        }
    }

    /** A submission of a bare payload file, addressed on the command line; the payload bytes are kept as they are. */
    public static Submission readPayload(byte[] payload, String source, UUID messageId, List<String> to,
                                         List<String> excluded, Priority priority, Optional<UUID> inReplyTo)
            throws SubmissionException {
        JsonNode tree;
        try {
            tree = JSON.readTree(payload);
        } catch (java.io.IOException e) {
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new SubmissionException(source + ": not JSON: " + reason, e);
        }
        if (tree == null || !tree.isObject()) {
            throw new SubmissionException(source + ": a payload is a JSON object");
        }
        if (to.isEmpty()) {
            throw new SubmissionException(source + ": no addressee (--to)");
        }
        return submission(tree, payload, source, "", messageId, to, excluded, priority, inReplyTo);
    }

    /** {@code pointer} locates the payload in its file: {@code /payload} in a submission, empty in a bare payload. */
    private static Submission submission(JsonNode payload, byte[] bytes, String source, String pointer, UUID messageId,
                                         List<String> to, List<String> excluded, Priority priority,
                                         Optional<UUID> inReplyTo) throws SubmissionException {
        return new Submission(messageId, kind(payload, source, pointer), text(payload, "id", source, pointer + "/id"),
                to, excluded, priority, inReplyTo, bytes);
    }

    private static MessageKind kind(JsonNode payload, String source, String pointer) throws SubmissionException {
        String kind = text(payload, "kind", source, pointer + "/kind");
        return MessageKind.fromWireName(kind).orElseThrow(() ->
                new SubmissionException(source + ": " + pointer + "/kind: unknown kind '" + kind + "'"));
    }

    private static String text(JsonNode node, String field, String source, String pointer) throws SubmissionException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new SubmissionException(source + ": " + pointer + ": required, a non-empty string");
        }
        return value.asText();
    }

    private static List<String> codes(JsonNode root, String field, String source, boolean required)
            throws SubmissionException {
        JsonNode value = root.get(field);
        if (value == null && !required) {
            return List.of();
        }
        if (!(value instanceof ArrayNode array) || (required && array.isEmpty())) {
            throw new SubmissionException(source + ": /" + field + ": "
                    + (required ? "required, a non-empty array of node codes" : "an array of node codes"));
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode code = array.get(i);
            if (!code.isTextual() || code.asText().isBlank()) {
                throw new SubmissionException(source + ": /" + field + "/" + i + ": a node code, region:X or all");
            }
            codes.add(code.asText());
        }
        return codes;
    }

    private static Priority priority(JsonNode root, String source) throws SubmissionException {
        JsonNode value = root.get("priority");
        if (value == null) {
            return Priority.NORMAL;
        }
        try {
            return Priority.valueOf(value.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SubmissionException(source + ": /priority: '" + value.asText() + "' is not urgent or normal", e);
        }
    }

    private static Optional<UUID> optionalUuid(JsonNode root, String field, String source) throws SubmissionException {
        JsonNode value = root.get(field);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.asText()));
        } catch (IllegalArgumentException e) {
            throw new SubmissionException(source + ": /" + field + ": '" + value.asText() + "' is not a UUID", e);
        }
    }
}
