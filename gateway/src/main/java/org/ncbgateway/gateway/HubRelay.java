package org.ncbgateway.gateway;

import java.util.Objects;
import java.util.Set;
import org.ncbgateway.audit.EntryType;
import org.ncbgateway.audit.LogEvent;
import org.ncbgateway.audit.MessageLog;
import org.ncbgateway.crypto.OuterVerifier;
import org.ncbgateway.crypto.VerifiedOuter;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.routing.RelayCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a hub (SPEC sections 1 and 6): it verifies the outer layer only (signature, sender
 * certificate, sender equal to {@code header.from}), never the payload, which it cannot decrypt; checks
 * freshness and its place on the message's delivery tree; and hands the unchanged bytes to its next
 * hops. The message log records the message as received, then relayed to each hop.
 */
public final class HubRelay {

    private static final Logger LOG = LoggerFactory.getLogger(HubRelay.class);

    private final String self;
    private final OuterVerifier outer;
    private final RelayCheck check;
    private final MessageLog log;

    public HubRelay(String self, OuterVerifier outer, RelayCheck check, MessageLog log) {
        this.self = Objects.requireNonNull(self, "self");
        this.outer = Objects.requireNonNull(outer, "outer");
        this.check = Objects.requireNonNull(check, "check");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @throws RejectedException an outer-layer failure (no header: kept in ncb.dlq, never answered), or
     *         {@code EXPIRED} / {@code NOT_ADDRESSED} from the route check
     */
    public Relay inspect(byte[] wire) throws RejectedException {
        LogContext.node(self);
        VerifiedOuter verified = outer.verify(wire);
        MessageHeader header = verified.header();
        LogContext.enter(self, header.messageId());
        Relay relay = new Relay(header, wire, check.check(header));
        log.append(LogEvent.of(EntryType.RECEIVED, header.messageId().toString(), header.kind().wireName(),
                header.from(), wire));
        return relay;
    }

    /** Logs the hand-over to each next hop, once the copies are on their {@code ncb.out.<HOP>} queues. */
    public Relay relayed(Relay relay) {
        MessageHeader header = relay.header();
        LogContext.enter(self, header.messageId());
        for (String hop : relay.plan().hops()) {
            log.append(LogEvent.of(EntryType.RELAYED, header.messageId().toString(), header.kind().wireName(), hop,
                    relay.wire()));
        }
        LOG.info("event=relayed kind={} from={} visited={} nextHops={} recipients={}", header.kind(), header.from(),
                relay.plan().visited(), relay.plan().hops(), relay.plan().nextHops().values().stream()
                        .mapToInt(Set::size).sum());
        return relay;
    }
}
