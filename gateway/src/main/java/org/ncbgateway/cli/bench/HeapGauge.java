package org.ncbgateway.cli.bench;

import java.lang.management.ManagementFactory;

/** The heap in use right after a full collection: what the process keeps, not what it has yet to collect. */
final class HeapGauge {

    private HeapGauge() {
    }

    static double afterGcMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }
}
