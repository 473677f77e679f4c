package com.capitalledger.api.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A POST handler that only asks (a what-if, a saved scenario's run, a journal verification): it carries a body but
 * records nothing, so a repeat is harmless. It takes no {@code Idempotency-Key} and nothing is stored for it; its
 * body is bounded all the same.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadOnlyPost {
}
