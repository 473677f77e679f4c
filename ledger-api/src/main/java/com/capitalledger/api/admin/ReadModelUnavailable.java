package com.capitalledger.api.admin;

/** A query needs a read model that is being rebuilt: answering from half a state would mislead, so it says so. */
public class ReadModelUnavailable extends RuntimeException {

    private final String readModel;
    private final long retryAfterSeconds;

    public ReadModelUnavailable(String readModel, long retryAfterSeconds) {
        super("read model " + readModel + " is being rebuilt; retry in about " + retryAfterSeconds + " s", null,
                false, false);
        this.readModel = readModel;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String readModel() {
        return readModel;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
