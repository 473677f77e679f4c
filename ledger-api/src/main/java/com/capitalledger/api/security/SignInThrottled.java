package com.capitalledger.api.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused before its credentials were checked: its address, or its user at that address, failed too often
 * in this window. Answered 429 {@code TOO_MANY_ATTEMPTS} with Retry-After.
 */
final class SignInThrottled extends AuthenticationException {

    private final long retryAfterSeconds;

    SignInThrottled(String detail, long retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds until an attempt is checked again, at least 1. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
