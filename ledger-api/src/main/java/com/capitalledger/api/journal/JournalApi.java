package com.capitalledger.api.journal;

/** What the journal's controllers share: their path, tag, media types and the roles that may call them. */
final class JournalApi {

    static final String PATH = "/api/v1/journal";
    static final String TAG = "Journal";
    static final String TAG_DESCRIPTION = "The verifiable journal: digests, proofs, export, verification";
    static final String NDJSON = "application/x-ndjson";
    static final String PEM = "application/x-pem-file";
    static final String ROLES = " Roles: COMPLIANCE, ADMIN.";

    private JournalApi() {
    }
}
