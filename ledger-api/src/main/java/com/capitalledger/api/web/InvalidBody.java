package com.capitalledger.api.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;

/**
 * A request body that Bean Validation alone cannot judge (its shape depends on another field): 400
 * {@code VALIDATION_FAILED} with each offending field, like a body that fails its annotations.
 */
public class InvalidBody extends ProblemException {

    /** One offending field, by its path in the body, such as {@code changes[2].command.amount}. */
    public record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    public InvalidBody(List<FieldProblem> problems) {
        super(HttpStatus.BAD_REQUEST, ProblemCode.VALIDATION_FAILED, problems.size() + " field(s) failed validation");
        this.problems = List.copyOf(problems);
    }

    @Override
    public void describe(ProblemDetail problem) {
        problem.setProperty("errors", problems.stream()
                .map(field -> Map.of("field", field.field(), "message", field.message())).toList());
    }
}
