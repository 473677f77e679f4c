package com.capitalledger.api.web;

/** A query named something the ledger does not hold (at that time): 404 with a stable code. */
public class NotFound extends RuntimeException {

    private final String code;

    public NotFound(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
