package com.capitalledger.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error statuses an operation's own handling can answer (its validation, its lookups, its business rules), each
 * declared in the OpenAPI document as a problem+json response. What the service around it adds is declared for it:
 * 401, 403, 429, 500 and 503 on every operation; 409 and 412 on every command (retries, If-Match); 400, 409, 413 and 422
 * on every POST that takes an Idempotency-Key, 413 on the other POSTs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProblemStatuses {

    /** HTTP statuses, such as 400, 404 and 422. */
    int[] value();
}
