package org.ncbgateway.gateway;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.ncbgateway.audit.EntryType;
import org.ncbgateway.audit.LogEvent;
import org.ncbgateway.audit.MessageLog;
import org.ncbgateway.crypto.MessageSealer;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryDerived;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.notice.PayloadValidator;
import org.ncbgateway.notice.ValidationReport;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.pki.PkiException;
import org.ncbgateway.routing.AddressingException;
import org.ncbgateway.routing.NextHops;
import org.ncbgateway.routing.RecipientResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound steps of a node: validate a submission, seal it for its resolved final recipients,
 * record it (delivery status and message log) before it leaves. A submission that cannot be sent
 * fails with a {@link SubmissionException} naming the place and the reason.
 */
public final class Outbound {

    private static final Logger LOG = LoggerFactory.getLogger(Outbound.class);

    private final String self;
    private final PayloadValidator validator;
    private final DirectoryDerived<Routing> routing;
    private final MessageSealer sealer;
    private final MessageLog log;
    private final DeliveryStatusStore status;
    private final Clock clock;
    private final Duration timeToLive;

    public Outbound(String self, PayloadValidator validator, Supplier<Directory> directory, MessageSealer sealer,
                    MessageLog log, DeliveryStatusStore status, Clock clock, Duration timeToLive) {
        this.self = Objects.requireNonNull(self, "self");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.routing = new DirectoryDerived<>(directory,
                current -> new Routing(current, new NextHops(current), new ConcurrentHashMap<>()));
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.log = Objects.requireNonNull(log, "log");
        this.status = Objects.requireNonNull(status, "status");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
    }

    /** Checks the payload against the schema of its kind and the semantic rules. */
    public Submission validate(Submission submission) throws SubmissionException {
        ValidationReport report = validator.validate(submission.payload());
        if (!report.valid()) {
            throw new SubmissionException("payload " + submission.payloadId() + " is invalid: "
                    + String.join("; ", report.errors().stream().map(Object::toString).toList()));
        }
        return submission;
    }

    /** Resolves the final recipients and the next hops from the directory, and seals the message. */
    public Sealed seal(Submission submission) throws SubmissionException {
        LogContext.enter(self, submission.messageId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        MessageHeader header = new MessageHeader(submission.messageId(), submission.kind(), self, submission.to(),
                submission.excluded(), now, now.plus(timeToLive), submission.inReplyTo().orElse(null),
                submission.priority());
        Routing current = routing.get();
        try {
            List<DirectoryNode> recipients = RecipientResolver.resolve(current.directory(), header);
            byte[] wire = sealer.seal(header, submission.payload(), current.encryptionCertificates(recipients));
            return new Sealed(header, submission.payloadId(), wire, recipients.stream().map(DirectoryNode::code).toList(),
                    current.hops().plan(self, header).hops());
        } catch (AddressingException e) {
            throw new SubmissionException("header " + e.field() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records the message before it is handed to the broker: pending for each recipient (receipts,
     * which nobody answers, are not tracked), and {@code submitted} then {@code sent} to each next hop
     * in the message log.
     */
    public Sealed record(Sealed sealed) {
        MessageHeader header = sealed.header();
        List<LogEvent> events = new ArrayList<>();
        events.add(LogEvent.of(EntryType.SUBMITTED, header.messageId().toString(), header.kind().wireName(), self,
                sealed.wire()));
        for (String hop : sealed.nextHops()) {
            events.add(LogEvent.of(EntryType.SENT, header.messageId().toString(), header.kind().wireName(), hop,
                    sealed.wire()));
        }
        // the log forces its entries while this thread forces the delivery status
        List<CompletableFuture<Long>> logged = events.stream().map(log::appendAsync).toList();
        if (header.kind() != MessageKind.RECEIPT) {
            status.recordSent(header.messageId(), header.kind(), sealed.payloadId(), sealed.recipients(),
                    header.sentAt(), header.expiresAt());
        }
        logged.forEach(log::await);
        LOG.info("event=sent kind={} to={} recipients={} nextHops={} bytes={}", header.kind(), header.to(),
                sealed.recipients(), sealed.nextHops(), sealed.wire().length);
        return sealed;
    }

    /**
     * What sealing needs from one directory, derived once for every message sealed under it: its topology
     * (next hops) and its nodes' encryption certificates, parsed from their PEM when first needed.
     */
    private record Routing(Directory directory, NextHops hops, Map<String, X509Certificate> certificates) {

        List<X509Certificate> encryptionCertificates(List<DirectoryNode> recipients) throws SubmissionException {
            List<X509Certificate> list = new ArrayList<>(recipients.size());
            for (DirectoryNode node : recipients) {
                X509Certificate certificate = certificates.get(node.code());
                if (certificate == null) {
                    certificate = parse(node);
                    certificates.put(node.code(), certificate);
                }
                list.add(certificate);
            }
            return list;
        }

        private static X509Certificate parse(DirectoryNode node) throws SubmissionException {
            try {
                return Pem.certificate(node.encryptionCert(), "directory node " + node.code());
            } catch (PkiException e) {
                throw new SubmissionException("directory node " + node.code() + ": encryptionCert: " + e.getMessage(), e);
            }
        }
    }
}
