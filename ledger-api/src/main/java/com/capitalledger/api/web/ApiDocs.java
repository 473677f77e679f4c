package com.capitalledger.api.web;

/** Phrases the OpenAPI descriptions of several controllers share. */
public final class ApiDocs {

    /** What every command can answer besides its business rejections. */
    public static final String COMMAND_ERRORS = " Like every command: 400 VALIDATION_FAILED, MALFORMED_REQUEST, "
            + "INVALID_PARAMETER or IDEMPOTENCY_KEY_REQUIRED; 422 IDEMPOTENCY_KEY_REUSED; 412 VERSION_MISMATCH when "
            + "If-Match names another version; 409 CONCURRENT_MODIFICATION.";
    public static final String COMMAND_ANSWER = " Answers 201 with the program's version as ETag. Role: TREASURY.";
    public static final String PROGRAM_ID = "Program identifier";

    private ApiDocs() {
    }
}
