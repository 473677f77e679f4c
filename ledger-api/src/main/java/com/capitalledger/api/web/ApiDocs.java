package com.capitalledger.api.web;

/** Phrases the OpenAPI descriptions of several controllers and request bodies share. */
public final class ApiDocs {

    /** What every command can answer besides its business rejections. */
    public static final String COMMAND_ERRORS = " Like every command: 400 VALIDATION_FAILED, MALFORMED_REQUEST, "
            + "INVALID_PARAMETER or IDEMPOTENCY_KEY_REQUIRED; 422 IDEMPOTENCY_KEY_REUSED; 412 VERSION_MISMATCH when "
            + "If-Match names another version; 409 CONCURRENT_MODIFICATION. Every refusal of it to a signed-in "
            + "caller (403, 404, 409, 412, 422) is a journal entry and an audit line with its code; 400 and 401 "
            + "are not.";
    public static final String COMMAND_ANSWER = " Answers 201 with the program's version as ETag. Role: TREASURY.";
    public static final String PROGRAM_ID = "Program identifier";
    /** A command's currency field. */
    public static final String CURRENCY = "ISO 4217 code of the amount's currency; must be the program's currency, "
            + "otherwise CURRENCY_MISMATCH";
    /** A command's effective date, where it has no further rule. */
    public static final String EFFECTIVE_DATE = "Date the command takes effect, for the whole day (YYYY-MM-DD); not "
            + "before the program's latest effective date (BACKDATED_COMMAND)";
    /** A command's reason field. */
    public static final String REASON = "Optional free text recorded in the audit trail, at most 500 characters";

    private ApiDocs() {
    }
}
