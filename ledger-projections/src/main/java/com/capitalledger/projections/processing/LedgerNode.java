package com.capitalledger.projections.processing;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * This service instance among the nodes sharing one database: the owner it writes on the processor token claims it
 * holds and on the rebuilds it runs. Unique per start, also for two services in one JVM (as tests run them).
 */
public record LedgerNode(String id) {

    public static LedgerNode ofThisProcess() {
        return new LedgerNode(ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8));
    }
}
