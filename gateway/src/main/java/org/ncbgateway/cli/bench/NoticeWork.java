package org.ncbgateway.cli.bench;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ncbgateway.crypto.MessageOpener;
import org.ncbgateway.crypto.MessageSealer;
import org.ncbgateway.crypto.OpenedMessage;
import org.ncbgateway.gateway.GatewayNode;
import org.ncbgateway.gateway.Receipts;
import org.ncbgateway.gateway.Submission;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.notice.ValidationReport;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.pki.PkiException;

/**
 * The crypto of one bureau-to-bureau notice, with the running nodes' own keys and directory: the sender seals
 * the notice for the receiver, the receiver opens it (every check of SPEC section 4 but payload validation,
 * which is not crypto) and seals its signed {@code delivered} receipt, the sender opens the receipt. What
 * {@code Outbound.seal} and {@code Inbound.open} do for a notice and its receipt, without the routes around.
 */
final class NoticeWork {

    /** The bytes a notice puts on the brokers: the sealed notice, its payload on ncb.deliver, the sealed receipt. */
    record Sizes(int notice, int delivered, int receipt) {
    }

    private static final Duration TIME_TO_LIVE = Duration.ofDays(7);

    private final byte[] payload;
    private final String sender;
    private final String receiver;
    private final MessageSealer senderSeals;
    private final MessageOpener receiverOpens;
    private final MessageSealer receiverSeals;
    private final MessageOpener senderOpens;
    private final List<X509Certificate> toReceiver;
    private final List<X509Certificate> toSender;
    private final Receipts receipts;
    private final NanoClock clock;

    NoticeWork(GatewayNode sender, GatewayNode receiver, byte[] payload, NanoClock clock) throws PkiException {
        this.payload = payload;
        this.sender = sender.code();
        this.receiver = receiver.code();
        this.senderSeals = new MessageSealer(sender.machinery().credentials());
        this.receiverOpens = opener(receiver, clock);
        this.receiverSeals = new MessageSealer(receiver.machinery().credentials());
        this.senderOpens = opener(sender, clock);
        this.toReceiver = List.of(encryptionCertificate(sender, this.receiver));
        this.toSender = List.of(encryptionCertificate(receiver, this.sender));
        this.receipts = new Receipts(this.receiver, clock);
        this.clock = clock;
    }

    /** The notice sealed and opened, its receipt sealed and opened. */
    void run() throws Exception {
        senderOpens.open(sealReceipt(receiverOpens.open(sealNotice())));
    }

    Sizes sizes() throws Exception {
        byte[] notice = sealNotice();
        return new Sizes(notice.length, payload.length, sealReceipt(receiverOpens.open(notice)).length);
    }

    private byte[] sealNotice() throws Exception {
        Instant now = clock.instant();
        return senderSeals.seal(new MessageHeader(UUID.randomUUID(), MessageKind.DIFFUSION, sender, List.of(receiver),
                List.of(), now, now.plus(TIME_TO_LIVE), null, Priority.NORMAL), payload, toReceiver);
    }

    private byte[] sealReceipt(OpenedMessage notice) throws Exception {
        Submission receipt = receipts.delivered(notice.header());
        Instant now = clock.instant();
        return receiverSeals.seal(new MessageHeader(receipt.messageId(), receipt.kind(), receiver, receipt.to(),
                receipt.excluded(), now, now.plus(TIME_TO_LIVE), receipt.inReplyTo().orElse(null), receipt.priority()),
                receipt.payload(), toSender);
    }

    /** An opener of the node's with every check but the payload's (validation is a stage of its own). */
    static MessageOpener opener(GatewayNode node, NanoClock clock) {
        return new MessageOpener(node.machinery().credentials(), node.machinery().liveDirectory(),
                header -> true, id -> false, payload -> ValidationReport.ok(), clock);
    }

    private static X509Certificate encryptionCertificate(GatewayNode from, String code) throws PkiException {
        return Pem.certificate(from.machinery().directory().node(code).orElseThrow().encryptionCert(),
                "directory node " + code);
    }
}
