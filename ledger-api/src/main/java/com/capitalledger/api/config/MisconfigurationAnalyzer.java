package com.capitalledger.api.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link Misconfiguration} as Spring Boot's "APPLICATION FAILED TO START" paragraph (what is wrong, then what
 * to do) instead of a stack trace in which the reason is buried under bean-creation frames.
 */
public class MisconfigurationAnalyzer extends AbstractFailureAnalyzer<Misconfiguration> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, Misconfiguration cause) {
        return new FailureAnalysis(cause.problem(), cause.action(), cause);
    }
}
