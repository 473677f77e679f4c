package com.capitalledger.api.web;

import com.capitalledger.core.shared.Ids;

/**
 * The shapes of request fields, checked by Bean Validation before a command is built. Each pattern is anchored, so
 * the OpenAPI document (where a JSON Schema pattern may match anywhere in the value) accepts exactly what the server
 * accepts.
 */
public final class Shapes {

    public static final String ID = "^" + Ids.PATTERN + "$";
    public static final String ID_MESSAGE = "must be 1-64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit";
    public static final String CURRENCY = "^[A-Z]{3}$";
    public static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as USD";
    /** Up to 15 digits before the point, exactly two after: the ledger's money. */
    public static final String AMOUNT = "^(0|[1-9][0-9]{0,14})\\.[0-9]{2}$";
    public static final String AMOUNT_MESSAGE = "must be a decimal string with exactly 2 decimals, such as 1000000.00";
    public static final String PERCENT_4DP = "^(0|[1-9][0-9]{0,2})(\\.[0-9]{1,4})?$";
    public static final String PERCENT_4DP_MESSAGE = "must be a percentage with at most 4 decimals, such as 90 or 2.7500";
    /** A base rate: up to five decimals, possibly negative. */
    public static final String BASE_RATE = "^-?(0|[1-9][0-9]?)(\\.[0-9]{1,5})?$";
    public static final String BASE_RATE_MESSAGE = "must be a rate in percent with at most 5 decimals, such as 4.31000";
    /** A margin or fee: up to four decimals. */
    public static final String MARGIN = "^(0|[1-9][0-9]?)(\\.[0-9]{1,4})?$";
    public static final String MARGIN_MESSAGE = "must be a rate in percent with at most 4 decimals, such as 2.2500";
    /** A ratio such as a DSCR threshold: up to four decimals. */
    public static final String RATIO = "^(0|[1-9][0-9]{0,2})(\\.[0-9]{1,4})?$";
    public static final String RATIO_MESSAGE = "must be a ratio with at most 4 decimals, such as 1.2000";
    public static final String SENIORITY = "^(SENIOR|MEZZANINE)$";
    /** A decimal the service writes: an exact plain number as a string, never a JSON number nor an exponent. */
    public static final String DECIMAL = "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$";
    /** A value with something besides white space: what {@code @NotBlank} accepts. */
    public static final String NOT_BLANK = "^\\s*\\S[\\s\\S]*$";
    public static final int NAME_MAX = 200;
    public static final int PURPOSE_MAX = 500;
    public static final int LENDERS_MAX = 100;
    public static final int INSTALLMENTS_MAX = 200;
    public static final int REASON_MAX = 500;

    private Shapes() {
    }
}
