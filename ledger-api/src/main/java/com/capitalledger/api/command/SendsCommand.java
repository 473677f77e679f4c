package com.capitalledger.api.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler method that sends this command to the ledger. A request refused before the command exists (a role that
 * may not send it, a reused idempotency key) is recorded under the command's name all the same ({@link Refusals}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SendsCommand {

    /** The command's type; its simple name is the command's name in the journal and the audit trail. */
    Class<?> value();
}
