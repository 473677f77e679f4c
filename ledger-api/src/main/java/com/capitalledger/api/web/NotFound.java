package com.capitalledger.api.web;

import com.capitalledger.core.shared.RejectionCode;
import org.springframework.http.HttpStatus;

/** A query named something the ledger does not hold (at that time): 404 with a stable code. */
public class NotFound extends ProblemException {

    public NotFound(ProblemCode code, String detail) {
        super(HttpStatus.NOT_FOUND, code, detail);
    }

    public NotFound(RejectionCode code, String detail) {
        super(HttpStatus.NOT_FOUND, code, detail);
    }
}
