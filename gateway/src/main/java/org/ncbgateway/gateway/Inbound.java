package org.ncbgateway.gateway;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.ncbgateway.audit.EntryType;
import org.ncbgateway.audit.LogEvent;
import org.ncbgateway.audit.MessageLog;
import org.ncbgateway.crypto.DuplicateMessageException;
import org.ncbgateway.crypto.MessageOpener;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.RejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound steps of a bureau: open a message (every check of SPEC section 4), deliver it to the
 * national systems or apply it when it is a receipt, and only then remember its id as accepted.
 * Every step is idempotent, so a redelivery after a crash between steps neither loses nor doubles it.
 */
public final class Inbound {

    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);

    private final String self;
    private final MessageOpener opener;
    private final AcceptedIds accepted;
    private final MessageLog log;
    private final DeliveryFolder folder;
    private final DeliveryStatusStore status;
    private final Receipts receipts;
    private final Clock clock;
    private final AtomicLong duplicates = new AtomicLong();

    public Inbound(String self, MessageOpener opener, AcceptedIds accepted, MessageLog log, DeliveryFolder folder,
                   DeliveryStatusStore status, Receipts receipts, Clock clock) {
        this.self = Objects.requireNonNull(self, "self");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.accepted = Objects.requireNonNull(accepted, "accepted");
        this.log = Objects.requireNonNull(log, "log");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.status = Objects.requireNonNull(status, "status");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Opens the outer DER; the message log records it as received. The entry is appended lazily, neither
     * waited for here nor forced alone: the ways on from here log another entry of the message that someone
     * waits for (the receipt's {@code sent}, a {@code receipt}, a rejection), which the log writes after this
     * one and forces with it; {@link #accepted} waits for it in any case before the message is acknowledged.
     *
     * @param redelivered the broker's {@code JMSRedelivered}: this very copy was delivered before and not
     *                    acknowledged. Its id may have been accepted then, in a transaction that did not commit (the
     *                    commit failed, the node crashed) and took the copy for {@code ncb.deliver} and the receipt
     *                    with it: so it is processed again, not dropped as a duplicate. Null when the message did
     *                    not come from a broker.
     */
    public Received open(byte[] wire, Boolean redelivered) throws RejectedException, DuplicateMessageException {
        boolean again = Boolean.TRUE.equals(redelivered);
        Received received = read(wire, again);
        MessageHeader header = received.header();
        if (again && accepted.acceptedBefore(header.messageId())) {
            LOG.info("event=redelivered-after-accepted kind={} from={} reason=\"not acknowledged before: processed"
                    + " again\"", header.kind(), header.from());
        }
        received.lazyEntries().add(log.appendLazily(LogEvent.of(EntryType.RECEIVED, header.messageId().toString(),
                header.kind().wireName(), header.from(), wire)));
        return received;
    }

    /**
     * Opens the outer DER with every check of SPEC section 4, without logging it: a hub, which already
     * logged the message received when it verified the outer layer, reads a {@code directory-update} so.
     */
    public Received read(byte[] wire) throws RejectedException, DuplicateMessageException {
        return read(wire, false);
    }

    private Received read(byte[] wire, boolean redelivered) throws RejectedException, DuplicateMessageException {
        LogContext.node(self);
        Received received = new Received(opener.open(wire, redelivered), wire);
        LogContext.enter(self, received.header().messageId());
        return received;
    }

    /**
     * Writes the payload to the delivery folder and logs it delivered; returns what goes onto
     * {@code ncb.deliver}, in the same broker transaction as the consumption of the message. The entry is
     * appended lazily like {@code received}: the receipt that answers the message is logged {@code sent} next
     * and waited for, which forces both, one force less for every delivered message.
     */
    public WireMessage deliver(Received received) throws IOException {
        MessageHeader header = received.header();
        LogContext.enter(self, header.messageId());
        folder.write(header, received.opened().payload());
        received.lazyEntries().add(log.appendLazily(LogEvent.of(EntryType.DELIVERED, header.messageId().toString(),
                header.kind().wireName(), header.from(), received.wire())));
        LOG.info("event=delivered kind={} from={}", header.kind(), header.from());
        return WireMessage.of(header, received.opened().payload(), null);
    }

    /** The signed {@code delivered} receipt that answers a delivered message. */
    public Submission receipt(Received received) {
        return receipts.delivered(received.header());
    }

    /** Applies a receipt to the status of the message it answers; a repeated receipt changes nothing. */
    public void applyReceipt(Received received) throws IOException {
        MessageHeader header = received.header();
        LogContext.enter(self, header.messageId());
        Receipts.Answer answer = Receipts.read(received.opened().payload());
        // the log forces the receipt while this thread forces the delivery status
        CompletableFuture<Long> logged = log.appendAsync(new LogEvent(EntryType.RECEIPT, clock.instant(),
                header.messageId().toString(), header.kind().wireName(), header.from(),
                answer.outcome().code().map(Enum::name).orElse(null), answer.outcome().detail().orElse(null),
                received.wire()));
        boolean changed = status.recordReceipt(answer.forMessageId(), header.from(), answer.outcome(), clock.instant());
        log.await(logged);
        LOG.info("event=receipt from={} forMessageId={} status={} code={} applied={}", header.from(),
                answer.forMessageId(), answer.outcome().state().wireName(),
                answer.outcome().code().map(Enum::name).orElse("-"), changed);
    }

    /**
     * The message is durably handled, its lazily appended log entries on disk too (waited for here when no
     * later entry forced them yet): remember its id, so that a copy arriving later is a duplicate.
     */
    public void accepted(Received received) {
        MessageHeader header = received.header();
        LogContext.enter(self, header.messageId());
        received.lazyEntries().awaitAll(log);
        accepted.markAccepted(header.messageId(), header.expiresAt());
    }

    /** A message accepted before: dropped without an answer, counted. */
    public void duplicate(DuplicateMessageException duplicate) {
        MessageHeader header = duplicate.header();
        LogContext.enter(self, header.messageId());
        long count = duplicates.incrementAndGet();
        LOG.info("event=duplicate-dropped kind={} from={} duplicates={}", header.kind(), header.from(), count);
    }

    public long duplicates() {
        return duplicates.get();
    }
}
