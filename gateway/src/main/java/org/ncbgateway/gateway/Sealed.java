package org.ncbgateway.gateway;

import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import org.ncbgateway.message.MessageHeader;

/**
 * A message sealed by this node: its header, the payload's own id, the outer DER, the final recipients
 * it was encrypted for, and the next hops that get a copy.
 */
public record Sealed(MessageHeader header, String payloadId, byte[] wire, List<String> recipients,
                     SortedSet<String> nextHops) {

    public Sealed {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payloadId, "payloadId");
        Objects.requireNonNull(wire, "wire");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(nextHops, "nextHops");
    }

    /** One copy of the same wire bytes per next hop. */
    public List<WireMessage> dispatches() {
        return nextHops.stream().map(hop -> WireMessage.of(header, wire, hop)).toList();
    }
}
