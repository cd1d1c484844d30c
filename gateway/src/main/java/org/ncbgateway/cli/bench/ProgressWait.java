package org.ncbgateway.cli.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Waits until the threads of a measurement have counted a latch down to zero. A thread that failed ends the
 * wait with its failure, and a latch that does not move for the stall time ends it with the caller's reason,
 * so that a stuck run says why instead of hanging.
 */
final class ProgressWait {

    private static final long POLL_MILLIS = 100;

    /** The reason a run stalled, given how many of its count were done. */
    @FunctionalInterface
    interface Stalled {
        IllegalStateException reason(long done);
    }

    /** Told how many of the count are done, at each poll. */
    @FunctionalInterface
    interface Progress {
        void done(long done);
    }

    private ProgressWait() {
    }

    static void await(CountDownLatch latch, long count, List<Future<Void>> threads, Duration stall, Stalled stalled,
                      Progress progress) throws Exception {
        long left = latch.getCount();
        long moved = System.nanoTime();
        while (!latch.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            for (Future<Void> thread : threads) {
                if (thread.isDone()) {
                    thread.get();
                }
            }
            if (latch.getCount() < left) {
                left = latch.getCount();
                moved = System.nanoTime();
            } else if (System.nanoTime() - moved > stall.toNanos()) {
                throw stalled.reason(count - left);
            }
            progress.done(count - latch.getCount());
        }
    }
}
