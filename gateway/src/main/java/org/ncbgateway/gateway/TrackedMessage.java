package org.ncbgateway.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The status of one sent message as its journal events build it: its {@code sent} event, then each
 * recipient's first answer (later ones change nothing). Not thread-safe: its store locks.
 */
final class TrackedMessage {

    private final StatusEvent sent;
    private final Map<String, RecipientStatus> recipients = new LinkedHashMap<>();
    private final List<StatusEvent> receipts = new ArrayList<>();

    TrackedMessage(StatusEvent sent) {
        this.sent = sent;
        for (String recipient : sent.recipients()) {
            recipients.put(recipient, new RecipientStatus(recipient, RecipientState.PENDING, null, null, sent.at()));
        }
    }

    /**
     * Applies one journal line to the messages it builds. A {@code sent} line starts its message afresh:
     * the store writes one only for a message it does not track, so a second one is a message sent
     * again with the same id, its first status long forgotten.
     */
    static void apply(Map<UUID, TrackedMessage> messages, StatusEvent event) {
        if (StatusEvent.SENT.equals(event.event())) {
            messages.put(event.messageId(), new TrackedMessage(event));
        } else {
            TrackedMessage tracked = messages.get(event.messageId());
            if (tracked != null) {
                tracked.answer(event);
            }
        }
    }

    UUID messageId() {
        return sent.messageId();
    }

    boolean awaits(String recipient) {
        RecipientStatus status = recipients.get(recipient);
        return status != null && status.state() == RecipientState.PENDING;
    }

    /** Applies a recipient's receipt when that recipient has not answered yet; returns whether it did. */
    boolean answer(StatusEvent receipt) {
        if (!awaits(receipt.recipient())) {
            return false;
        }
        recipients.put(receipt.recipient(), new RecipientStatus(receipt.recipient(), receipt.state(),
                receipt.code(), receipt.detail(), receipt.at()));
        receipts.add(receipt);
        return true;
    }

    boolean answered() {
        return recipients.values().stream().noneMatch(r -> r.state() == RecipientState.PENDING);
    }

    /** Whether no receipt is awaited any more at {@code now}: every recipient answered, or it expired long ago. */
    boolean finished(Instant now) {
        return answered() || (sent.expiresAt() != null && !now.isBefore(awaitedUntil()));
    }

    /** The last instant a receipt is still applied: {@code expiresAt} and a day for the late ones. */
    Instant awaitedUntil() {
        return sent.expiresAt() == null ? Instant.MAX : sent.expiresAt().plus(DeliveryStatusStore.LATE_RECEIPTS);
    }

    /** Writes the journal lines that rebuild this status, the {@code sent} event then the receipts; returns their bytes. */
    long writeTo(OutputStream out) throws IOException {
        long bytes = write(out, sent);
        for (StatusEvent receipt : receipts) {
            bytes += write(out, receipt);
        }
        return bytes;
    }

    private static long write(OutputStream out, StatusEvent event) throws IOException {
        byte[] line = StatusSegments.line(event);
        out.write(line);
        return line.length;
    }

    MessageStatus status() {
        return new MessageStatus(sent.messageId(), sent.kind(), sent.payloadId(), sent.at(),
                new ArrayList<>(recipients.values()));
    }
}
