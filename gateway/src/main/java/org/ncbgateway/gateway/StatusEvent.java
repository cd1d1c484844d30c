package org.ncbgateway.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.ReasonCode;

/**
 * One line of the delivery-status journal: either {@code sent} (with the final recipients and the
 * message's {@code expiresAt}, absent from lines written before it was kept) or {@code receipt} (one
 * recipient's answer).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StatusEvent(String event, UUID messageId, Instant at, MessageKind kind, String payloadId,
                   List<String> recipients, String recipient, RecipientState state, ReasonCode code,
                   String detail, Instant expiresAt) {

    static final String SENT = "sent";
    static final String RECEIPT = "receipt";

    static StatusEvent sent(UUID messageId, MessageKind kind, String payloadId, List<String> recipients, Instant at,
                            Instant expiresAt) {
        return new StatusEvent(SENT, messageId, at, kind, payloadId, List.copyOf(recipients), null, null, null, null,
                expiresAt);
    }

    static StatusEvent receipt(UUID messageId, String recipient, ReceiptOutcome outcome, Instant at) {
        return new StatusEvent(RECEIPT, messageId, at, null, null, null, recipient, outcome.state(),
                outcome.code().orElse(null), outcome.detail().orElse(null), null);
    }
}
