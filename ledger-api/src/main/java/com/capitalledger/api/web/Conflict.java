package com.capitalledger.api.web;

/** A request that clashes with what the service already holds: 409 with a stable code. */
public class Conflict extends RuntimeException {

    private final String code;

    public Conflict(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
