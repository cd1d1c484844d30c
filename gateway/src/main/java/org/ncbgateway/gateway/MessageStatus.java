package org.ncbgateway.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.ncbgateway.message.MessageKind;

/** What the issuer knows of one message it sent: every final recipient and its state. */
public record MessageStatus(UUID messageId, MessageKind kind, String payloadId, Instant sentAt,
                            List<RecipientStatus> recipients) {

    public MessageStatus {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sentAt, "sentAt");
        recipients = List.copyOf(recipients);
    }

    public boolean pending() {
        return recipients.stream().anyMatch(r -> r.state() == RecipientState.PENDING);
    }

    public long count(RecipientState state) {
        return recipients.stream().filter(r -> r.state() == state).count();
    }
}
