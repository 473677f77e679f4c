package com.capitalledger.api.cashflow;

import com.capitalledger.api.web.Shapes;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * Operating terms whose fields agree: a period of 3 or 6 months, both DSCR thresholds above zero, the default one not
 * above the lock-up one. Each violation names its field, so the 400 lists it like a field annotation's; the decision
 * core treats such terms as a caller's bug, never as a business refusal.
 */
@Documented
@Constraint(validatedBy = ValidTerms.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidTerms {

    String message() default "operating terms do not agree";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks what the field annotations cannot: values they let through, and fields compared with each other. */
    class Check implements ConstraintValidator<ValidTerms, OperatingTermsRequest> {

        @Override
        public boolean isValid(OperatingTermsRequest terms, ConstraintValidatorContext context) {
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            if (terms.periodMonths() != null && terms.periodMonths() != 3 && terms.periodMonths() != 6) {
                valid = violation(context, "periodMonths", "must be 3 or 6");
            }
            BigDecimal lockUp = ratio(terms.lockUpDscr());
            BigDecimal onDefault = ratio(terms.defaultDscr());
            if (lockUp != null && lockUp.signum() <= 0) {
                valid = violation(context, "lockUpDscr", "must be above 0");
            }
            if (onDefault != null && onDefault.signum() <= 0) {
                valid = violation(context, "defaultDscr", "must be above 0");
            }
            if (lockUp != null && onDefault != null && onDefault.compareTo(lockUp) > 0) {
                valid = violation(context, "defaultDscr", "must not be above lockUpDscr");
            }
            return valid;
        }

        /** The value if it is a well-formed ratio; otherwise its own pattern reports it. */
        private static BigDecimal ratio(String value) {
            return value == null || !value.matches(Shapes.RATIO) ? null
                    : new BigDecimal(value);
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
