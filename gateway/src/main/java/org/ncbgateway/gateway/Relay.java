package org.ncbgateway.gateway;

import java.util.List;
import java.util.Objects;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.routing.HopPlan;

/**
 * A message a hub has authenticated (outer layer only) and placed on its delivery tree: the unchanged
 * wire bytes and where they go next.
 */
public record Relay(MessageHeader header, byte[] wire, HopPlan plan) {

    public Relay {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(plan, "plan");
    }

    /** The one kind a hub also reads and applies itself, being one of its recipients. */
    public boolean isDirectoryUpdate() {
        return header.kind() == MessageKind.DIRECTORY_UPDATE;
    }

    /** One copy of the same bytes per next hop. */
    public List<WireMessage> dispatches() {
        return plan.hops().stream().map(hop -> WireMessage.of(header, wire, hop)).toList();
    }
}
