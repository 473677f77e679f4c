package com.capitalledger.projections.fold.audit;

/** The metadata keys every command and event carries for the audit trail. */
public final class AuditKeys {

    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String ACTOR = "actor";
    public static final String CLIENT = "client";
    public static final String REASON = "reason";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private AuditKeys() {
    }
}
