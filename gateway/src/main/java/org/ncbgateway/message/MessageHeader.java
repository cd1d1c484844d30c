package org.ncbgateway.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The routing header of SPEC section 4, readable by hubs and signed in the outer layer.
 * It says no more than routing needs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageHeader(
        UUID messageId,
        MessageKind kind,
        String from,
        List<String> to,
        List<String> excluded,
        Instant sentAt,
        Instant expiresAt,
        UUID inReplyTo,
        Priority priority) {

    public MessageHeader {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        to = List.copyOf(Objects.requireNonNull(to, "to"));
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
        priority = priority == null ? Priority.NORMAL : priority;
        if (to.isEmpty()) {
            throw new IllegalArgumentException("header.to must name at least one addressee");
        }
        if (!expiresAt.isAfter(sentAt)) {
            throw new IllegalArgumentException("header.expiresAt must be after sentAt");
        }
    }
}
