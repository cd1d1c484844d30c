package org.ncbgateway.cli.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.ncbgateway.gateway.DeliveryStatusStore;
import org.ncbgateway.gateway.MessageStatus;

/** Waits until every recipient of a sent message has answered with a receipt. */
final class ReceiptWait {

    private static final long POLL_MILLIS = 50;

    private ReceiptWait() {
    }

    static MessageStatus untilAnswered(DeliveryStatusStore status, UUID messageId, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            MessageStatus current = status.find(messageId).orElse(null);
            if (current != null && !current.pending()) {
                return current;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no receipt from every recipient of " + messageId + " within "
                        + timeout.toSeconds() + "s: " + (current == null ? "not sent" : current.recipients()));
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
