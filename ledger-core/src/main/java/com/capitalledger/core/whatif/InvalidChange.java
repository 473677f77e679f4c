package com.capitalledger.core.whatif;

/** A change that cannot be applied to the journal at all (an event that is not in it, an event changed twice). */
public final class InvalidChange extends RuntimeException {

    private final int index;

    public InvalidChange(int index, String message) {
        super("change " + index + ": " + message, null, false, false);
        this.index = index;
    }

    public int index() {
        return index;
    }
}
