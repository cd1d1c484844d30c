package org.ncbgateway.gateway;

import java.time.Clock;
import java.util.Objects;
import org.ncbgateway.audit.EntryType;
import org.ncbgateway.audit.LogEvent;
import org.ncbgateway.audit.MessageLog;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.RejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a node does with a message it refused (SPEC section 7): the message log records the rejection
 * with its code and the wire bytes; the route keeps the message in {@code ncb.dlq} with the reason as
 * properties; an authenticated sender gets a signed {@code rejected} receipt.
 */
public final class Rejections {

    private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);

    private final String self;
    private final MessageLog log;
    private final Receipts receipts;
    private final Clock clock;

    public Rejections(String self, MessageLog log, Receipts receipts, Clock clock) {
        this.self = Objects.requireNonNull(self, "self");
        this.log = Objects.requireNonNull(log, "log");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Rejection record(byte[] wire, RejectedException failure) {
        Rejection rejection = new Rejection(failure.code(), FailedSubmissions.reason(failure), failure.header(),
                self);
        String messageId = rejection.header().map(h -> h.messageId().toString()).orElse(null);
        String kind = rejection.header().map(h -> h.kind().wireName()).orElse(null);
        String from = rejection.header().map(MessageHeader::from).orElse(null);
        rejection.header().ifPresentOrElse(h -> LogContext.enter(self, h.messageId()), () -> LogContext.node(self));
        log.append(new LogEvent(EntryType.REJECTED, clock.instant(), messageId, kind, from,
                rejection.code().name(), rejection.detail(), wire));
        LOG.warn("event=rejected code={} from={} kind={} answered={} detail=\"{}\"", rejection.code(),
                from == null ? "-" : from, kind == null ? "-" : kind, rejection.answerable(), rejection.detail());
        return rejection;
    }

    /** The signed {@code rejected} receipt for an {@link Rejection#answerable() answerable} rejection. */
    public Submission receipt(Rejection rejection) {
        MessageHeader header = rejection.header().orElseThrow(() ->
                new IllegalStateException("an unauthenticated sender is never answered"));
        return receipts.rejected(header, rejection.code(), rejection.detail());
    }
}
