package com.capitalledger.api.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;

/** A query parameter that cannot be used as given: 400 {@code INVALID_PARAMETER}, naming the parameter. */
public class InvalidParameter extends ProblemException {

    private final String parameter;

    public InvalidParameter(String parameter, String problem) {
        super(HttpStatus.BAD_REQUEST, ProblemCode.INVALID_PARAMETER, parameter + " " + problem);
        this.parameter = parameter;
    }

    @Override
    public void describe(ProblemDetail problem) {
        problem.setProperty("errors", List.of(Map.of("field", parameter, "message", getMessage())));
    }
}
