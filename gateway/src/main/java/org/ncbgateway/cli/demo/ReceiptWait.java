package org.ncbgateway.cli.demo;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Supplier;
import org.ncbgateway.gateway.DeliveryStatusStore;
import org.ncbgateway.gateway.MessageStatus;
import org.ncbgateway.gateway.RecipientState;

/** Waits until every running recipient of a sent message has answered with a receipt. */
final class ReceiptWait {

    private static final long POLL_MILLIS = 50;

    /** A condition polled until it holds. */
    interface Condition {
        boolean holds() throws IOException;
    }

    private ReceiptWait() {
    }

    /** Recipients that are not in {@code running} stay pending: their copies wait at the hubs. */
    static void untilAnswered(DeliveryStatusStore status, UUID messageId, Collection<String> running,
                              Duration timeout) throws InterruptedException {
        until(() -> status.find(messageId).map(current -> answered(current, running)).orElse(false),
                () -> "a receipt from every running recipient of " + messageId + " ("
                        + status.find(messageId).map(MessageStatus::recipients).orElse(null) + ")", timeout);
    }

    private static boolean answered(MessageStatus status, Collection<String> running) {
        return status.recipients().stream().noneMatch(r -> running.contains(r.recipient())
                && r.state() == RecipientState.PENDING);
    }

    static void until(Condition condition, Supplier<String> what, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot check for " + what.get() + ": " + e.getMessage(), e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no " + what.get() + " within " + timeout.toSeconds() + "s");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
