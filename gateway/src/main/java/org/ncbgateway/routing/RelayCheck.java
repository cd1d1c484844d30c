package org.ncbgateway.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryDerived;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;

/**
 * What a hub checks in a header whose outer signature and sender it has verified, before relaying:
 * the message has not expired, its addresses resolve in the directory in force, and this hub is on
 * its delivery tree. The plan it returns names the next hops: never a visited node, never an excluded
 * bureau. Reads the directory at each call, so a directory update applies without restart.
 */
public final class RelayCheck {

    private final String self;
    private final DirectoryDerived<NextHops> routing;
    private final Clock clock;

    public RelayCheck(String self, Supplier<Directory> directory, Clock clock) {
        this.self = Objects.requireNonNull(self, "self");
        this.routing = new DirectoryDerived<>(directory, NextHops::new);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws RejectedException {@code EXPIRED}, or {@code NOT_ADDRESSED} when the addresses do not resolve
     *         or the message has no business at this hub; carries the header
     */
    public HopPlan check(MessageHeader header) throws RejectedException {
        Instant now = clock.instant();
        if (!now.isBefore(header.expiresAt())) {
            throw new RejectedException(ReasonCode.EXPIRED, "expiresAt " + header.expiresAt() + " is not after "
                    + now + ": not relayed", header, null);
        }
        HopPlan plan;
        try {
            plan = routing.get().plan(self, header);
        } catch (AddressingException e) {
            throw new RejectedException(ReasonCode.NOT_ADDRESSED, "header " + e.getMessage() + ": not relayed",
                    header, null);
        }
        if (!plan.onRoute()) {
            throw new RejectedException(ReasonCode.NOT_ADDRESSED, "node " + self + " is not on the route of a message"
                    + " from " + header.from() + " to " + header.to() + ": not relayed", header, null);
        }
        return plan;
    }
}
