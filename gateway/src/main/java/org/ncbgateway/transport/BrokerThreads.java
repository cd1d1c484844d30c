package org.ncbgateway.transport;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The size of a broker's general thread pool: two threads per core for its own work, plus one per bridge.
 *
 * <p>Artemis's default (30 threads) is sized for a server; on two cores shared by the gateway and often several
 * brokers in one JVM, a large pool keeps idle threads that each task wakes and parks again, and those hand-offs
 * cost more CPU than the work they carry. A bridge, though, holds a pool thread for as long as it connects (the
 * TCP connect and the TLS handshake wait there), so a node whose peers are unreachable would starve its own
 * deliveries with a pool sized for its cores alone: the pool grows and shrinks with the bridges.
 */
final class BrokerThreads {

    private BrokerThreads() {
    }

    /** Threads for the broker's own work (deliveries, journal completions, sessions): two per core. */
    static int ownWork() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }

    /** Makes room in {@code pool} for {@code bridges} bridges besides the broker's own work. */
    static void fitBridges(Executor pool, int bridges) {
        if (pool instanceof ThreadPoolExecutor sized) {
            sized.setMaximumPoolSize(ownWork() + bridges);
        }
    }
}
