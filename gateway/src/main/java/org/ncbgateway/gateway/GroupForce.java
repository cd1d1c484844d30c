package org.ncbgateway.gateway;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Group commit of forces to disk, with no thread of its own: each change made durable by one force gets a
 * ticket; a caller {@link #force forces} up to its ticket, and whoever forces covers every ticket issued
 * before it started, so the callers that came while a force was running share the next one. On a disk of a
 * few hundred forces per second this is what lets concurrent consumers go faster than one force each.
 *
 * <p>The force runs outside the lock: a caller waiting for a running force returns as soon as that force
 * covers its ticket, never queued behind the next force that a later caller starts (with the lock held
 * during the force, the callers entered it one at a time, and one whose change came too late for a force
 * made every caller behind it wait for a second one).
 */
final class GroupForce {

    /** The force itself: on disk, everything done before it was called. */
    interface Force {
        void run() throws IOException;
    }

    private final LongSupplier lastTicket;
    private final Force force;
    private final Object lock = new Object();
    private final AtomicLong forces = new AtomicLong();
    private volatile long forced;
    /** Guarded by {@code lock}: a caller is forcing. */
    private boolean forcing;

    /** {@code lastTicket} gives the ticket of the latest change, which one call of {@code force} covers. */
    GroupForce(LongSupplier lastTicket, Force force) {
        this.lastTicket = lastTicket;
        this.force = force;
    }

    /** Returns once every change up to {@code ticket} is on disk. */
    void force(long ticket) throws IOException {
        while (forced < ticket) {
            synchronized (lock) {
                if (forced >= ticket) {
                    return;
                }
                if (forcing) {
                    awaitForce();
                    continue;
                }
                forcing = true;
            }
            forceNow();
        }
    }

    private void awaitForce() throws InterruptedIOException {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a force to disk");
        }
    }

    /** Forces everything ticketed so far; the waiting callers then check whether it covered them. */
    private void forceNow() throws IOException {
        long upTo = lastTicket.getAsLong();
        boolean done = false;
        try {
            force.run();
            forces.incrementAndGet();
            done = true;
        } finally {
            synchronized (lock) {
                if (done) {
                    forced = Math.max(forced, upTo);
                }
                forcing = false;
                lock.notifyAll();
            }
        }
    }

    /** Forces done so far: fewer than the tickets when callers shared them. */
    long forces() {
        return forces.get();
    }
}
