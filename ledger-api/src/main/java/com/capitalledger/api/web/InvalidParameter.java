package com.capitalledger.api.web;

/** A query parameter that cannot be used as given: 400 {@code INVALID_PARAMETER}, naming the parameter. */
public class InvalidParameter extends RuntimeException {

    private final String parameter;

    public InvalidParameter(String parameter, String problem) {
        super(parameter + " " + problem, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
