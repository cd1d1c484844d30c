package org.ncbgateway.cli.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * UTC wall time read from {@link System#nanoTime()}: the nodes stamp receipts with it and the benchmark
 * schedules with it, so a latency is one clock's difference, to the microsecond, with no wall-clock step.
 */
final class NanoClock extends Clock {

    private final long baseEpochNanos;
    private final long baseNanoTime;

    NanoClock() {
        Instant now = Instant.now();
        this.baseNanoTime = System.nanoTime();
        this.baseEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** The epoch nanoseconds of a {@link System#nanoTime()} reading. */
    long epochNanos(long nanoTime) {
        return baseEpochNanos + (nanoTime - baseNanoTime);
    }

    static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Override
    public Instant instant() {
        long epoch = epochNanos(System.nanoTime());
        return Instant.ofEpochSecond(Math.floorDiv(epoch, 1_000_000_000L), Math.floorMod(epoch, 1_000_000_000L));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the benchmark clock is UTC");
    }
}
