package org.ncbgateway.gateway;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Group commit of forces to disk, with no thread of its own: each change made durable by one force gets a
 * ticket; a caller {@link #force forces} up to its ticket, and whoever forces covers every ticket issued
 * before it started, so the callers that came while a force was running share the next one. On a disk of a
 * few hundred forces per second this is what lets concurrent consumers go faster than one force each.
 */
final class GroupForce {

    /** The force itself: on disk, everything done before it was called. */
    interface Force {
        void run() throws IOException;
    }

    private final LongSupplier lastTicket;
    private final Force force;
    private final Object forcing = new Object();
    private final AtomicLong forces = new AtomicLong();
    private volatile long forced;

    /** {@code lastTicket} gives the ticket of the latest change, which one call of {@code force} covers. */
    GroupForce(LongSupplier lastTicket, Force force) {
        this.lastTicket = lastTicket;
        this.force = force;
    }

    /** Returns once every change up to {@code ticket} is on disk. */
    void force(long ticket) throws IOException {
        if (forced >= ticket) {
            return;
        }
        synchronized (forcing) {
            if (forced >= ticket) {
                return;
            }
            long upTo = lastTicket.getAsLong();
            force.run();
            forces.incrementAndGet();
            forced = upTo;
        }
    }

    /** Forces done so far: fewer than the tickets when callers shared them. */
    long forces() {
        return forces.get();
    }
}
