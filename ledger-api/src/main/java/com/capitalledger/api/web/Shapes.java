package com.capitalledger.api.web;

import com.capitalledger.core.shared.Ids;

/** The shapes of request fields, checked by Bean Validation before a command is built. */
public final class Shapes {

    public static final String ID = Ids.PATTERN;
    public static final String ID_MESSAGE = "must be 1-64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit";
    public static final String CURRENCY = "[A-Z]{3}";
    public static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as USD";
    /** Up to 15 digits before the point, exactly two after: the ledger's money. */
    public static final String AMOUNT = "(0|[1-9][0-9]{0,14})\\.[0-9]{2}";
    public static final String AMOUNT_MESSAGE = "must be a decimal string with exactly 2 decimals, such as 1000000.00";
    public static final String PERCENT_4DP = "(0|[1-9][0-9]{0,2})(\\.[0-9]{1,4})?";
    public static final String PERCENT_4DP_MESSAGE = "must be a percentage with at most 4 decimals, such as 90 or 2.7500";
    public static final int NAME_MAX = 200;
    public static final int REASON_MAX = 500;

    private Shapes() {
    }
}
