package org.ncbgateway.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;

/**
 * The JSON part of a log entry (docs/message-log.md). Absent fields are omitted, never null.
 *
 * @param type what happened
 * @param time when, UTC
 * @param node the code of the node that owns the log
 * @param messageId the wire message's {@code header.messageId} (message events)
 * @param kind the wire message's {@code header.kind} (message events)
 * @param peer the other node: sender for received, next hop for sent and relayed, sealing node for witnessed,
 *             witness for witness
 * @param reasonCode a SPEC section 7 code (rejected, receipt)
 * @param reasonDetail a human-readable reason
 * @param sealedSeq the sequence number of the chain head a seal covers (seal, witness, witnessed)
 * @param sealedHash the hex SHA-256 entry hash of that head
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "time", "node", "messageId", "kind", "peer", "reasonCode", "reasonDetail",
        "sealedSeq", "sealedHash"})
public record EntryMeta(EntryType type, Instant time, String node, String messageId, String kind, String peer,
                        String reasonCode, String reasonDetail, Long sealedSeq, String sealedHash) {

    public EntryMeta {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(node, "node");
    }

    static EntryMeta forEvent(String node, LogEvent event) {
        return new EntryMeta(event.type(), event.time(), node, event.messageId(), event.kind(), event.peer(),
                event.reasonCode(), event.reasonDetail(), null, null);
    }

    static EntryMeta forHead(EntryType type, Instant time, String node, String peer, ChainHead head) {
        return new EntryMeta(type, time, node, null, null, peer, null, null, head.seq(), head.hashHex());
    }
}
