package com.capitalledger.api.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure that answers as a problem with its own status and stable code. Each feature's exceptions extend it, so
 * {@link ProblemHandler} renders them all alike without knowing any feature.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    /** A problem's detail is its message; like a rejection, it needs no stack trace. */
    protected ProblemException(HttpStatus status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Headers the answer carries beside the problem, such as {@code Retry-After}. */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }

    /** Adds what the problem says beside its detail, such as the fields at fault. */
    public void describe(ProblemDetail problem) {
    }
}
