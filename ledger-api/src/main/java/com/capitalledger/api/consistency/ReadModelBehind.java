package com.capitalledger.api.consistency;

import java.time.Duration;

/** A query asked for a position its read model had not applied within the consistency timeout. */
public class ReadModelBehind extends RuntimeException {

    public ReadModelBehind(String processingGroup, long position, Duration timeout) {
        super("read model " + processingGroup + " has not applied ledger position " + position + " within "
                + timeout.toMillis() + " ms; retry", null, false, false);
    }
}
