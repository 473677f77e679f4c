package com.capitalledger.projections.readmodel;

import org.axonframework.eventhandling.EventHandler;

/**
 * A read model that folds only some events. It handles every other event all the same (nothing to do), so that its
 * processor stores its position past that event with its next batch: a query waiting for a ledger position
 * (read-your-writes) reads that stored position, on whichever node, and would otherwise wait for the processor's next
 * claim extension. The handler takes no payload, so an event it passes is never deserialized (one that cannot be is
 * parked only where it is folded).
 */
public abstract class ReadModelProjection {

    @EventHandler(payloadType = Object.class)
    void passed() {
        // Nothing of this read model changes.
    }
}
