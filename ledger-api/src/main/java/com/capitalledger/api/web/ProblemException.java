package com.capitalledger.api.web;

import com.capitalledger.core.shared.RejectionCode;
import jakarta.servlet.http.HttpServletRequest;
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
    protected ProblemException(HttpStatus status, ProblemCode code, String detail) {
        this(status, code.name(), detail);
    }

    /** A lookup that fails as a command would, with the command's rejection code (404 NO_PROGRAM). */
    protected ProblemException(HttpStatus status, RejectionCode code, String detail) {
        this(status, code.name(), detail);
    }

    private ProblemException(HttpStatus status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem it answers with, in the ledger's one shape. */
    ProblemDetail problem(HttpServletRequest request) {
        ProblemDetail problem = Problems.of(status, code, getMessage(), request);
        describe(problem);
        return problem;
    }

    /** Headers the answer carries beside the problem, such as {@code Retry-After}. */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }

    /** Adds what the problem says beside its detail, such as the fields at fault. */
    public void describe(ProblemDetail problem) {
    }
}
