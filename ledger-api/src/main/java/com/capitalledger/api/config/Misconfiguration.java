package com.capitalledger.api.config;

import java.util.Locale;

/**
 * The service refuses to start because its configuration is missing or wrong: what is wrong, and how to put it right.
 * {@link MisconfigurationAnalyzer} prints the two as one paragraph each, without a stack trace.
 */
public class Misconfiguration extends IllegalStateException {

    private final String problem;
    private final String action;

    public Misconfiguration(String problem, String action) {
        super(problem + " " + action, null);
        this.problem = problem;
        this.action = action;
    }

    /** What is missing or wrong. */
    public String problem() {
        return problem;
    }

    /** How to provide it: the properties, and the environment variables that set them. */
    public String action() {
        return action;
    }

    /**
     * A property as an operator can set it: its name, and the environment variable Spring Boot's relaxed binding reads
     * for it ({@code ledger.security.users[0].name} is {@code LEDGER_SECURITY_USERS_0_NAME}).
     */
    public static String property(String name) {
        String variable = name.replace("-", "").replace("[", ".").replace("]", "").replace('.', '_')
                .toUpperCase(Locale.ROOT);
        return name + " (environment " + variable + ")";
    }
}
