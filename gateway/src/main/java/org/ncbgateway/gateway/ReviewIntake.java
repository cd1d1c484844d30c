package org.ncbgateway.gateway;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At the secretariat, what the national systems are to a bureau: every verified {@code notice-request}
 * delivered on {@code ncb.deliver} goes into the review queue, where a reviewer finds it with
 * {@code ncb review list}.
 */
public final class ReviewIntake {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewIntake.class);

    private final String self;
    private final ReviewQueue queue;
    private final Clock clock;

    public ReviewIntake(String self, ReviewQueue queue, Clock clock) {
        this.self = Objects.requireNonNull(self, "self");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The properties are this node's own, set on its local ncb.deliver after the message was verified. */
    public void hold(byte[] payload, String messageId, String from) throws IOException {
        UUID id = UUID.fromString(messageId);
        LogContext.enter(self, id);
        ReviewItem item = queue.hold(id, from, payload, clock.instant());
        LOG.info("event=held-for-review from={} requestId={} colour={}", from, item.requestId(), item.colour());
    }
}
