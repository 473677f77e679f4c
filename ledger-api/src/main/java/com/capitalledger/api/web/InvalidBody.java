package com.capitalledger.api.web;

import java.util.List;

/**
 * A request body that Bean Validation alone cannot judge (its shape depends on another field): 400
 * {@code VALIDATION_FAILED} with each offending field, like a body that fails its annotations.
 */
public class InvalidBody extends RuntimeException {

    /** One offending field, by its path in the body, such as {@code changes[2].command.amount}. */
    public record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    public InvalidBody(List<FieldProblem> problems) {
        super(problems.size() + " field(s) failed validation", null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
