package org.ncbgateway.gateway;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;

/**
 * A payload handed to this node for sending, with its addressing. The message id is chosen at
 * submission so that the submitter can follow the message with {@code ncb status} at once.
 *
 * @param messageId the header's {@code messageId}
 * @param kind the payload's own {@code kind}
 * @param payloadId the payload's own {@code id}
 * @param to addressees: node codes, {@code region:<REGION>} or {@code all}
 * @param excluded bureaus never to receive it
 * @param priority header priority
 * @param inReplyTo the message this one answers, if any
 * @param payload the payload bytes as they will be signed
 */
public record Submission(UUID messageId, MessageKind kind, String payloadId, List<String> to, List<String> excluded,
                         Priority priority, Optional<UUID> inReplyTo, byte[] payload) {

    public Submission {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payloadId, "payloadId");
        to = List.copyOf(to);
        excluded = List.copyOf(excluded);
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(payload, "payload");
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a submission names at least one addressee");
        }
    }

    @Override
    public String toString() {
        return "Submission[" + messageId + " " + kind + " " + payloadId + " to=" + to + "]";
    }
}
