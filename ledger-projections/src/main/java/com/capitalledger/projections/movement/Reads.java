package com.capitalledger.projections.movement;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The sealed event families a {@link MovementProjection} reads, such as {@code EquityEvent}: its one handler records
 * every event of these families and passes every other by.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Reads {

    Class<?>[] value();
}
