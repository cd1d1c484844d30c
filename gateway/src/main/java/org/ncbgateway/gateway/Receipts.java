package org.ncbgateway.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.ncbgateway.json.StrictJson;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.ReasonCode;

/**
 * Writes and reads {@code receipt} payloads (SPEC section 7). A receipt answers the sender of one message,
 * in reply to it, with the same priority; receipts themselves are never answered, or two nodes could
 * answer each other for ever.
 */
public final class Receipts {

    /** The schema's bound on {@code reason.detail}. */
    static final int MAX_DETAIL = 2000;
    private static final ObjectMapper JSON = StrictJson.mapper();

    private final String self;
    private final Clock clock;

    /** @param self the node answering */
    public Receipts(String self, Clock clock) {
        this.self = Objects.requireNonNull(self, "self");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static boolean answers(MessageHeader header) {
        return header.kind() != MessageKind.RECEIPT;
    }

    public Submission delivered(MessageHeader answered) {
        return receipt(answered, ReceiptOutcome.delivered());
    }

    public Submission rejected(MessageHeader answered, ReasonCode code, String detail) {
        return receipt(answered, ReceiptOutcome.rejected(code, detail));
    }

    private Submission receipt(MessageHeader answered, ReceiptOutcome outcome) {
        UUID id = UUID.randomUUID();
        ObjectNode payload = JSON.createObjectNode();
        payload.put("kind", MessageKind.RECEIPT.wireName());
        payload.put("schemaVersion", "1.0");
        payload.put("id", id.toString());
        payload.put("issuedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        payload.put("forMessageId", answered.messageId().toString());
        payload.put("status", outcome.state().wireName());
        outcome.code().ifPresent(code -> {
            ObjectNode reason = payload.putObject("reason");
            reason.put("code", code.name());
            outcome.detail().filter(d -> !d.isBlank()).ifPresent(d -> reason.put("detail", bounded(d)));
        });
        try {
            return new Submission(messageId(answered, outcome), MessageKind.RECEIPT, id.toString(), List.of(answered.from()),
                    List.of(), answered.priority(), Optional.of(answered.messageId()), JSON.writeValueAsBytes(payload));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a receipt", e);
        }
    }

    /**
     * The receipt's message id follows from who answers what, and how: the same answer made again (a message
     * processed again after its broker transaction rolled back) travels under the same id, so every broker on
     * its way and the sender's accepted ids drop a copy that already went.
     */
    private UUID messageId(MessageHeader answered, ReceiptOutcome outcome) {
        String answer = "receipt " + self + " " + answered.messageId() + " " + outcome.state().wireName() + " "
                + outcome.code().map(Enum::name).orElse("-");
        return UUID.nameUUIDFromBytes(answer.getBytes(StandardCharsets.UTF_8));
    }

    /** The message a verified receipt answers and what it says. */
    public record Answer(UUID forMessageId, ReceiptOutcome outcome) {
    }

    /** Reads a receipt payload that has passed schema validation. */
    public static Answer read(byte[] payload) throws IOException {
        JsonNode receipt = JSON.readTree(payload);
        UUID forMessageId = UUID.fromString(receipt.path("forMessageId").asText());
        if ("delivered".equals(receipt.path("status").asText())) {
            return new Answer(forMessageId, ReceiptOutcome.delivered());
        }
        JsonNode reason = receipt.path("reason");
        String detail = reason.hasNonNull("detail") ? reason.get("detail").asText() : null;
        return new Answer(forMessageId, ReceiptOutcome.rejected(ReasonCode.valueOf(reason.path("code").asText()), detail));
    }

    private static String bounded(String detail) {
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }
}
