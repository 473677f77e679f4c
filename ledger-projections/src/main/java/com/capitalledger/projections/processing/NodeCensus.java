package com.capitalledger.projections.processing;

import org.springframework.stereotype.Component;

/**
 * How many nodes share the database, as this node last counted them ({@link ClaimBalancer}'s beat, every
 * {@code ledger.read-models.balance-interval}). Until the first count a node assumes company, so that a node starting
 * beside others signals them from its first command.
 */
@Component
public class NodeCensus {

    private volatile int live = Integer.MAX_VALUE;

    void counted(int nodes) {
        live = nodes;
    }

    /** Whether this node was the only live one at its last count. */
    public boolean alone() {
        return live <= 1;
    }
}
