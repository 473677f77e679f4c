package com.capitalledger.api.web;

import org.springframework.http.HttpStatus;

/** A request that clashes with what the service already holds: 409 with a stable code. */
public class Conflict extends ProblemException {

    public Conflict(ProblemCode code, String detail) {
        super(HttpStatus.CONFLICT, code, detail);
    }
}
