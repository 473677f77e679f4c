package com.capitalledger.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query answered from read models (it calls {@code ReadModels.requireAvailable}): it accepts {@code minPosition=}
 * or {@code Ledger-Min-Position} to read at a command's {@code Ledger-Position} or later, as its OpenAPI operation
 * declares.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadsReadModels {
}
