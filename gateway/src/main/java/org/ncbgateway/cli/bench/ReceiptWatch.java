package org.ncbgateway.cli.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ncbgateway.gateway.DeliveryStatusStore;
import org.ncbgateway.gateway.MessageStatus;
import org.ncbgateway.gateway.RecipientState;
import org.ncbgateway.gateway.RecipientStatus;

/**
 * Follows the sender's delivery status: a message is done when every running recipient has answered
 * with its receipt; the time of completion is the latest receipt's arrival as the sender recorded it,
 * so polling every few milliseconds does not blur the latency. Recipients that do not run stay pending.
 */
final class ReceiptWatch implements AutoCloseable {

    private static final long POLL_MILLIS = 5;

    /** What to do once a message is answered: its completion time in epoch nanoseconds, and whether all delivered. */
    @FunctionalInterface
    interface Done {
        void answered(long epochNanos, boolean delivered);
    }

    private record Awaited(List<String> recipients, Done done) {
    }

    private final DeliveryStatusStore status;
    private final Map<UUID, Awaited> awaited = new ConcurrentHashMap<>();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final Thread poller;
    private volatile boolean running = true;

    ReceiptWatch(DeliveryStatusStore status) {
        this.status = status;
        this.poller = new Thread(this::poll, "bench-receipt-watch");
        poller.setDaemon(true);
        poller.start();
    }

    void await(UUID messageId, List<String> liveRecipients, Done done) {
        awaited.put(messageId, new Awaited(liveRecipients, done));
    }

    int outstanding() {
        return awaited.size();
    }

    /** Messages answered by every running recipient so far. */
    long answered() {
        return answered.get();
    }

    /** Receipts that said {@code rejected}: a benchmark payload that fails is a broken benchmark. */
    long rejected() {
        return rejected.get();
    }

    private void poll() {
        while (running) {
            awaited.forEach((id, waiting) -> status.find(id).ifPresent(found -> check(id, waiting, found)));
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void check(UUID id, Awaited waiting, MessageStatus found) {
        Instant latest = Instant.MIN;
        boolean delivered = true;
        for (RecipientStatus recipient : found.recipients()) {
            if (!waiting.recipients().contains(recipient.recipient())) {
                continue;
            }
            if (recipient.state() == RecipientState.PENDING) {
                return;
            }
            delivered &= recipient.state() == RecipientState.DELIVERED;
            latest = recipient.since().isAfter(latest) ? recipient.since() : latest;
        }
        if (awaited.remove(id) != null) {
            answered.incrementAndGet();
            if (!delivered) {
                rejected.incrementAndGet();
            }
            waiting.done().answered(NanoClock.epochNanos(latest), delivered);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.interrupt();
        poller.join(TimeUnit.SECONDS.toMillis(5));
    }
}
